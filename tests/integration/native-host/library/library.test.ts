/** The local library on a real libSQL file: archive and Recent, and the durability settings it opens with. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_KEEP, openLibrary, type Library } from '../../../../native-host/library/index.js';

let dir: string;
let lib: Library;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nexstream-library-'));
  lib = await openLibrary(path.join(dir, 'data', 'library.db'));
});
afterAll(async () => {
  lib?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('library', () => {
  it('keeps the newest Recent entries only, newest first', async () => {
    for (let i = 0; i < RECENT_KEEP + 5; i++) await lib.addRecent({ url: `https://example.com/${i}`, title: `t${i}`, path: `/x/${i}.mp3`, preset: 'mp3-320', batchId: null, at: 1000 + i });
    const recent = await lib.recent();
    expect(recent).toHaveLength(RECENT_KEEP);
    expect(recent[0]).toMatchObject({ title: `t${RECENT_KEEP + 4}`, at: 1000 + RECENT_KEEP + 4 });
  });

  it('an archived item counts only while its file exists', async () => {
    const file = path.join(dir, 'song.mp3');
    await writeFile(file, 'x');
    await lib.archive('k1', 'mp3-320', dir, file);
    expect(await lib.archived('k1', 'mp3-320', dir)).toBe(file);
    expect(await lib.archived('k1', 'flac', dir)).toBeNull();
    await rm(file);
    expect(await lib.archived('k1', 'mp3-320', dir)).toBeNull();
  });

  it('keeps its rows across a reopen, in WAL mode', async () => {
    const file = path.join(dir, 'data', 'library.db');
    lib.close();
    lib = await openLibrary(file);
    expect((await lib.recent(1))[0]?.title).toBe(`t${RECENT_KEEP + 4}`);
    const { createClient } = await import('@libsql/client/sqlite3');
    const db = createClient({ url: `file:${file}` });
    try {
      expect(String((await db.execute('PRAGMA journal_mode')).rows[0]?.journal_mode)).toBe('wal');
    } finally {
      db.close();
    }
  });
});
