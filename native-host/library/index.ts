/**
 * The local library: the download archive (skip what was downloaded already) and the "Recent" list.
 * Opened lazily; a broken database must never cost a download, so failures degrade to "not archived".
 */
import type { Client } from '@libsql/client';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RecentEntry } from '../../shared/protocol/index.js';
import { migrate } from '../registry/migrate.js';
import { LIBRARY_MIGRATIONS } from './migrations.js';

/** Rows kept in `recent`: the popup shows 50. */
export const RECENT_KEEP = 50;

export interface Library {
  /** The path an item was saved to earlier with this preset into this folder, if that file still exists. */
  archived(key: string, preset: string, folder: string): Promise<string | null>;
  archive(key: string, preset: string, folder: string, path: string): Promise<void>;
  addRecent(e: Omit<RecentEntry, 'at'> & { at?: number }): Promise<void>;
  recent(limit?: number): Promise<RecentEntry[]>;
  close(): void;
}

export async function openLibrary(file: string): Promise<Library> {
  await mkdir(path.dirname(file), { recursive: true });
  // The local-file driver alone: the package's main entry also loads its WebSocket/HTTP clients (~80 ms of CPU on every CLI download).
  const { createClient } = await import('@libsql/client/sqlite3');
  const db: Client = createClient({ url: `file:${file}` });
  try {
    await db.execute('PRAGMA journal_mode=WAL');
    // No fsync per commit: right after a download, an fsync can wait behind the new file's writeback (25-37 ms after
    // 100 MB here, against <1 ms; most of that writeback was ffmpeg's truncating open, see ffmpeg-args.ts). WAL with
    // NORMAL cannot corrupt; a power cut may lose the last entries, which costs at most a download offered again.
    await db.execute('PRAGMA synchronous=NORMAL');
    await db.execute('PRAGMA busy_timeout=5000');
    await migrate(db, LIBRARY_MIGRATIONS);
  } catch (e) {
    db.close();
    throw e;
  }
  return {
    async archived(key, preset, folder) {
      const r = await db.execute({ sql: 'SELECT path FROM download_archive WHERE key = ? AND preset = ? AND folder = ?', args: [key, preset, folder] });
      const p = r.rows[0]?.path;
      if (typeof p !== 'string') return null;
      // A file the user deleted is not "downloaded" any more.
      return (await stat(p).then((s) => s.isFile(), () => false)) ? p : null;
    },
    async archive(key, preset, folder, file) {
      await db.execute({ sql: 'INSERT OR REPLACE INTO download_archive (key, preset, folder, path, at) VALUES (?, ?, ?, ?, ?)', args: [key, preset, folder, file, Date.now()] });
    },
    async addRecent(e) {
      await db.batch(
        [
          { sql: 'INSERT INTO recent (url, title, path, preset, batch_id, at) VALUES (?, ?, ?, ?, ?, ?)', args: [e.url, e.title, e.path, e.preset, e.batchId, e.at ?? Date.now()] },
          { sql: 'DELETE FROM recent WHERE seq <= (SELECT MAX(seq) FROM recent) - ?', args: [RECENT_KEEP] },
        ],
        'write',
      );
    },
    async recent(limit = RECENT_KEEP) {
      const r = await db.execute({ sql: 'SELECT url, title, path, preset, batch_id, at FROM recent ORDER BY seq DESC LIMIT ?', args: [Math.min(limit, RECENT_KEEP)] });
      return r.rows.map((row) => ({
        url: String(row.url),
        title: String(row.title),
        path: String(row.path),
        preset: String(row.preset),
        batchId: row.batch_id == null ? null : String(row.batch_id),
        at: Number(row.at),
      }));
    },
    close: () => db.close(),
  };
}
