/** Row <-> model conversion, validated: a hand-edited or half-written row must not crash a resolve. */
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

const str = z.string().nullable();
const num = z.coerce.number().nullable();
const Row = z.object({
  isrc: z.string(),
  title: z.string(),
  artists: z.string(),
  album: str,
  duration_sec: num,
  artwork_url: str,
  preview_url: str,
  track_number: num,
  release_date: str,
  match_id: z.string(),
  match_url: z.string(),
  match_title: str,
  match_channel: str,
  match_duration_sec: num,
  match_score: num,
  verified_by: z.enum(['odesli', 'isrc-search']),
  resolved_at: z.coerce.number(),
  preview_checked_at: num,
});

export function rowToCached(raw: unknown): CachedTrack | null {
  const r = Row.safeParse(raw);
  if (!r.success) return null;
  const x = r.data;
  let artists: string[] = [];
  try {
    artists = z.array(z.string()).parse(JSON.parse(x.artists));
  } catch {
    return null;
  }
  return {
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
  };
}
