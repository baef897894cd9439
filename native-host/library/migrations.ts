/**
 * The local library's schema: its own file (library.db beside registry.db), never the shared Turso
 * server, because what this machine downloaded and where it put it is nobody else's business.
 */
import type { Migration } from '../registry/migrations/types.js';

export const LIBRARY_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'download-archive',
    statements: [
      // key: yt-dlp's archive key "<extractor> <id>" (or "url <url>" when the id is unknown); one row per
      // preset and folder, so the same playlist as MP3 elsewhere is a new download, not a skip.
      `CREATE TABLE download_archive (
        key TEXT NOT NULL,
        preset TEXT NOT NULL,
        folder TEXT NOT NULL,
        path TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (key, preset, folder)
      )`,
    ],
  },
  {
    version: 2,
    name: 'recent',
    statements: [
      `CREATE TABLE recent (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        path TEXT NOT NULL,
        preset TEXT NOT NULL,
        batch_id TEXT,
        at INTEGER NOT NULL
      )`,
    ],
  },
];
