/**
 * The track view's runtime port ("Resolve this track"): one resolve session per view, validated on
 * both sides like the popup's port. The background keeps sessions; the view only renders them.
 */
import { z } from 'zod';
import type { AudioPresetId } from '../shared/presets.js';
import { ErrorPayload, HttpUrl, JobInfo, PresetId } from '../shared/protocol/index.js';
import { MatchCandidate, PageTrackMeta, ResolveLevel, ResolveResult, TrackInfo } from '../shared/protocol/track.js';
import { HostView } from './messages.js';

export const TRACK_PORT = 'track';

/** Presets the track view offers, in button order. */
export const TRACK_PRESETS = ['mp3-320', 'm4a', 'flac', 'opus'] as const satisfies readonly AudioPresetId[];

export const TrackSessionView = z.object({
  id: z.string(),
  input: z.string(),
  /** What the page said before any provider answered (the first paint). */
  meta: PageTrackMeta.nullable(),
  status: z.enum(['resolving', 'done', 'error']),
  /** Page meta, then every partial, then the result, merged: the best we know now. */
  track: TrackInfo.partial(),
  level: ResolveLevel.nullable(),
  /** Providers in the order they answered. */
  providers: z.array(z.string()),
  verified: z.boolean(),
  match: MatchCandidate.nullable(),
  /** The match is the user's own pick (a candidate or a pasted URL), saved as an override. */
  picked: z.boolean(),
  candidates: ResolveResult.shape.candidates,
  error: ErrorPayload.nullable(),
  override: z.object({ status: z.enum(['idle', 'saving', 'saved', 'failed']), error: ErrorPayload.optional() }),
  job: JobInfo.nullable(),
  host: HostView,
  timingsMs: z.record(z.number()).optional(),
});
export type TrackSessionView = z.infer<typeof TrackSessionView>;

export const FromTrackView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), sessionId: z.string().max(64) }),
  z.object({ type: z.literal('download'), preset: PresetId }),
  /** "Not this one?": a candidate or a pasted YouTube URL becomes the match and the saved override. */
  z.object({ type: z.literal('pick'), videoUrl: HttpUrl }),
  z.object({ type: z.literal('cancel'), jobId: z.string().max(64) }),
  z.object({ type: z.literal('reveal'), path: z.string().max(4096) }),
  z.object({ type: z.literal('dismiss') }),
  z.object({ type: z.literal('retry') }),
]);
export type FromTrackView = z.infer<typeof FromTrackView>;

export const ToTrackView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: TrackSessionView }),
  /** The session is gone (the browser restarted the background): the view offers to resolve again. */
  z.object({ type: z.literal('missing') }),
]);
export type ToTrackView = z.infer<typeof ToTrackView>;
