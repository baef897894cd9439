/** Verified tracks keyed by ISRC, and the other keys (source URL, platform id) that lead to them. */
import type { Migration } from './types.js';

export const m001: Migration = {
  version: 1,
  name: 'tracks',
  statements: [
    `CREATE TABLE IF NOT EXISTS tracks (
      isrc TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      artists TEXT NOT NULL,
      album TEXT,
      duration_sec REAL,
      artwork_url TEXT,
      preview_url TEXT,
      track_number INTEGER,
      release_date TEXT,
      match_id TEXT NOT NULL,
      match_url TEXT NOT NULL,
      match_title TEXT,
      match_channel TEXT,
      match_duration_sec REAL,
      match_score REAL,
      verified_by TEXT NOT NULL,
      level TEXT NOT NULL,
      resolved_at INTEGER NOT NULL,
      preview_checked_at INTEGER
    )`,
    `CREATE TABLE IF NOT EXISTS track_keys (
      key TEXT PRIMARY KEY,
      isrc TEXT NOT NULL REFERENCES tracks(isrc) ON DELETE CASCADE
    )`,
    'CREATE INDEX IF NOT EXISTS track_keys_isrc ON track_keys(isrc)',
  ],
};
