/** The resolver's answers: a ResolveResult from a run, or the error that says why there is none. */
import { NexError } from '../../shared/errors.js';
import type { MatchCandidate, ResolveLevel, ResolveResult, TrackInfo } from '../../shared/protocol/track.js';
import type { Run } from './run.js';
import type { ResolverLog } from './types.js';

/** Candidates beyond the match that the result lists (the popup's "Not this one?"). */
export const MAX_CANDIDATES = 8;

export interface Outcome {
  track: TrackInfo;
  sources: Record<string, string>;
  level: ResolveLevel;
  verified: boolean;
  match: MatchCandidate | null;
  candidates: MatchCandidate[];
}

export function toResult(run: Run, log: ResolverLog, o: Outcome): ResolveResult {
  run.timings.total = Date.now() - run.started;
  log({ level: 'info', event: 'resolve.done', level_: o.level, verified: o.verified, matched: o.match !== null, ms: run.timings.total });
  return {
    ...o.track,
    level: o.level,
    verified: o.verified,
    match: o.match,
    candidates: o.candidates.map((c) => ({ id: c.id, title: c.title, score: c.score, url: c.url, channel: c.channel, durationSec: c.durationSec })),
    timingsMs: run.timings,
    sources: o.sources,
  };
}

/** Nobody named the track: not_found only when every provider asked answered "unknown". */
export function noTrack(run: Run, also?: string): NexError {
  if (!run.failures.length) return new NexError('resolver.not_found', 'No provider knows this track.', { timingsMs: run.timings });
  const who = [...new Set(run.failures.map((f) => `${f.provider} (${f.reason})`))].join(', ');
  return new NexError('resolver.provider', `The music services needed for this link failed or did not answer in time: ${who}${also ? `; ${also}` : ''}.`, { failures: run.failures, timingsMs: run.timings });
}

/** The user's own pick, shown as the match. */
export function overrideCandidate(id: string, url: string): MatchCandidate {
  return { id, url, title: '(your choice)', channel: null, durationSec: null, score: 1, foundBy: 'override' };
}
