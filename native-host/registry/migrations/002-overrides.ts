/** The user's own picks (local file only: never synced to a shared Turso registry). */
import type { Migration } from './types.js';

export const m002: Migration = {
  version: 2,
  name: 'overrides',
  statements: [
    `CREATE TABLE IF NOT EXISTS overrides (
      key TEXT PRIMARY KEY,
      isrc TEXT,
      video_id TEXT NOT NULL,
      video_url TEXT NOT NULL,
      created_at INTEGER NOT NULL
    )`,
    'CREATE INDEX IF NOT EXISTS overrides_isrc ON overrides(isrc)',
  ],
};
