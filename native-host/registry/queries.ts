/** The upsert of one verified track: one statement, its arguments built once (and checked as a row before writing). */
import type { VerifiedEntry } from './index.js';

const COLUMNS = [
  'isrc', 'title', 'artists', 'album', 'duration_sec', 'artwork_url', 'preview_url', 'track_number', 'release_date',
  'match_id', 'match_url', 'match_title', 'match_channel', 'match_duration_sec', 'match_score', 'verified_by', 'level', 'resolved_at', 'preview_checked_at',
] as const;

// Idempotent: the same ISRC written twice (by one host or four) is one row, the latest verification.
export const UPSERT_TRACK = `INSERT INTO tracks (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT(isrc) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'isrc').map((c) => `${c} = excluded.${c}`).join(', ')}`;

type Value = string | number | null;

export function trackArgs(e: VerifiedEntry, isrc: string, now: number): { values: Value[]; named: Array<[string, Value]> } {
  const t = e.track;
  const m = e.match;
  const values: Value[] = [
    isrc, t.title, JSON.stringify(t.artists), t.album, t.durationSec, t.artworkUrl, t.previewUrl, t.trackNumber ?? null, t.releaseDate ?? null,
    m.id, m.url, m.title, m.channel, m.durationSec, m.score, e.verifiedBy, e.level, now, now,
  ];
  return { values, named: COLUMNS.map((c, i) => [c, values[i] ?? null]) };
}
