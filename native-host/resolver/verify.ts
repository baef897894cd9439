/**
 * The verification policy: when is a picked match trustworthy enough to store in the registry (a
 * cache other users may share)? Only with an authoritative ISRC (from Deezer) AND a match
 * confirmed through an ISRC path: Odesli's mapping from that same Deezer track, or the ISRC search
 * finding it with a near-exact duration and title and no unwanted version markers.
 */
import type { VerifiedBy } from '../registry/index.js';
import type { Identity } from './identify.js';
import type { Scored } from './match.js';

/** What the ISRC search's top hit must also show before the registry stores it. */
export const VERIFY_THRESHOLDS = {
  /** Duration agreement: the ISRC search also finds remixes and live takes of the same song, which run longer or shorter. */
  minDuration: 0.9,
  /** Title agreement: an ISRC search hit titled differently is a compilation or a re-upload under another name. */
  minTitle: 0.8,
  /** Version-marker penalty: "live", "remix", "sped up" on the hit mean another recording, whatever the ISRC search said. */
  maxPenalty: 0.1,
} as const;

export interface VerifyInput {
  best: Scored | null;
  isrc: string | null;
  /** Which provider the ISRC came from; only Deezer's is authoritative. */
  isrcSource: string | undefined;
  identity: Pick<Identity, 'odesli' | 'odesliFromAuthority'>;
}

/** How the match was verified, or null: then it is shown but never stored. */
export function verifyMatch({ best, isrc, isrcSource, identity }: VerifyInput): VerifiedBy | null {
  if (!best || !isrc || isrcSource !== 'deezer') return null;
  const odesliIds = new Set([identity.odesli?.youtubeId, identity.odesli?.youtubeMusicId].filter((x): x is string => !!x));
  if (identity.odesliFromAuthority && odesliIds.has(best.hit.id)) return 'odesli';
  const b = best.breakdown;
  const t = VERIFY_THRESHOLDS;
  if (best.hit.foundBy.includes('isrc') && b.duration >= t.minDuration && b.title >= t.minTitle && b.penalty < t.maxPenalty) return 'isrc-search';
  return null;
}
