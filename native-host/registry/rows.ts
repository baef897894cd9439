/**
 * Row -> model conversion. Rows from a shared server were written by other machines: untrusted until
 * they pass this schema (ISRC and video-id shapes, http(s) URLs only, YouTube-only match links, sane
 * durations) and agree with themselves (the match's duration close to the track's). A rejected row is
 * reported with its reason and treated as "not cached".
 */
import { z } from 'zod';
import type { MatchCandidate, TrackInfo } from '../../shared/protocol/track.js';

export type VerifiedBy = 'odesli' | 'isrc-search';

export interface CachedTrack {
  track: TrackInfo;
  match: MatchCandidate;
  verifiedBy: VerifiedBy;
  resolvedAt: number;
  previewCheckedAt: number | null;
}

export const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtu.be']);
/** Longer than any single recording we would match (the longest official tracks run ~4 h). */
const MAX_DURATION_SEC = 6 * 3600;

function parseUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}
const httpUrl = z
  .string()
  .max(4096)
  .refine((s) => ['http:', 'https:'].includes(parseUrl(s)?.protocol ?? ''), 'not an http(s) URL');
const text = (max: number) => z.string().max(max);
const duration = z.coerce.number().positive().max(MAX_DURATION_SEC).nullable();

const Row = z.object({
  isrc: z.string().regex(ISRC, 'ISRC shape'),
  title: text(1000).min(1),
  artists: z.string().max(20_000),
  album: text(1000).nullable(),
  duration_sec: duration,
  artwork_url: httpUrl.nullable(),
  preview_url: httpUrl.nullable(),
  track_number: z.coerce.number().int().min(0).max(10_000).nullable(),
  release_date: text(32).nullable(),
  match_id: z.string().regex(VIDEO_ID, 'video id shape'),
  match_url: httpUrl,
  match_title: text(1000).nullable(),
  match_channel: text(1000).nullable(),
  match_duration_sec: duration,
  // Weighted parts plus a source bonus minus penalties: about -1..1.5, never far outside.
  match_score: z.coerce.number().min(-5).max(5).nullable(),
  verified_by: z.enum(['odesli', 'isrc-search']),
  resolved_at: z.coerce.number().int().nonnegative(),
  preview_checked_at: z.coerce.number().int().nonnegative().nullable(),
});
const Artists = z.array(text(500)).min(1).max(50);

export type RowResult = { ok: true; value: CachedTrack } | { ok: false; reason: string; isrc: string | null };

/** Why a valid-looking row still cannot be the recording it claims, or null when it is coherent. */
function disagreement(x: z.infer<typeof Row>): string | null {
  const u = parseUrl(x.match_url);
  if (!u || !YOUTUBE_HOSTS.has(u.hostname)) return 'match URL is not a YouTube link';
  if (!x.match_url.includes(x.match_id)) return 'match URL does not lead to the match id';
  if (x.duration_sec !== null && x.match_duration_sec !== null) {
    // Same tolerance as a verified match needs at most (music videos run a little longer than the track).
    const off = Math.abs(x.duration_sec - x.match_duration_sec);
    if (off > Math.max(30, 0.25 * x.duration_sec)) return `match duration ${x.match_duration_sec}s disagrees with the track's ${x.duration_sec}s`;
  }
  return null;
}

export function parseRow(raw: unknown): RowResult {
  const isrc = typeof raw === 'object' && raw && 'isrc' in raw && typeof raw.isrc === 'string' ? raw.isrc.slice(0, 32) : null;
  const r = Row.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') ?? 'row'}: ${issue?.message ?? 'invalid'}`, isrc };
  }
  const x = r.data;
  let artists: string[];
  try {
    artists = Artists.parse(JSON.parse(x.artists));
  } catch {
    return { ok: false, reason: 'artists: not a JSON list of names', isrc };
  }
  const why = disagreement(x);
  if (why) return { ok: false, reason: why, isrc };
  return {
    ok: true,
    value: {
      track: {
        title: x.title,
        artists,
        album: x.album,
        isrc: x.isrc,
        durationSec: x.duration_sec,
        artworkUrl: x.artwork_url,
        previewUrl: x.preview_url,
        trackNumber: x.track_number,
        releaseDate: x.release_date,
      },
      match: {
        id: x.match_id,
        url: x.match_url,
        title: x.match_title ?? '',
        channel: x.match_channel,
        durationSec: x.match_duration_sec,
        score: x.match_score ?? 0,
      },
      verifiedBy: x.verified_by,
      resolvedAt: x.resolved_at,
      previewCheckedAt: x.preview_checked_at,
    },
  };
}
