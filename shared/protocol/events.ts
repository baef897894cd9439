import { z } from 'zod';
import { ErrorPayload, JobInfo, LogLine, Progress } from './models.js';
import { ResolveLevel, TrackInfo, MatchCandidate } from './track.js';
import { BatchInfo, BatchItemState } from './playlist.js';
import { CollectionListing, CollectionTrack } from './collection.js';

const ev = <T extends string, S extends z.ZodRawShape>(event: T, shape: S) =>
  z.object({ kind: z.literal('event'), event: z.literal(event), ...shape });

/** A job changed state (queued, running, cancelled). Carries the whole job. */
export const JobStateEvent = ev('job.state', { job: JobInfo });
export const JobProgressEvent = ev('job.progress', { jobId: z.string(), progress: Progress });
export const JobDoneEvent = ev('job.done', { jobId: z.string(), path: z.string(), job: JobInfo });
export const JobFailedEvent = ev('job.failed', { jobId: z.string(), error: ErrorPayload, job: JobInfo });
/** Log lines, batched so a flood never exceeds the frame limit; `dropped` counts lines shed under pressure. */
export const LogEvent = ev('log', { lines: z.array(LogLine), dropped: z.number().int().nonnegative().default(0) });
/** Partial resolve result: the first provider to answer hydrates, later ones refine. */
export const ResolvePartialEvent = ev('resolve.partial', {
  requestId: z.string(),
  provider: z.string(),
  level: ResolveLevel,
  track: TrackInfo.partial(),
  match: MatchCandidate.nullable().optional(),
});

/** A batch's totals changed (items omitted: they come one by one as batch.item). */
export const BatchStateEvent = ev('batch.state', { batch: BatchInfo });
/** One item of a batch changed state or progressed. */
export const BatchItemEvent = ev('batch.item', { jobId: z.string(), item: BatchItemState });
/** An album / playlist resolve: the listing first (rows to show), then each track as it resolves (`index` into the listing). */
export const CollectionListingEvent = ev('resolve.collection.listing', { requestId: z.string(), listing: CollectionListing });
export const CollectionTrackEvent = ev('resolve.collection.track', { requestId: z.string(), index: z.number().int().nonnegative(), track: CollectionTrack });

export const Event = z.discriminatedUnion('event', [
  JobStateEvent,
  JobProgressEvent,
  JobDoneEvent,
  JobFailedEvent,
  LogEvent,
  ResolvePartialEvent,
  BatchStateEvent,
  BatchItemEvent,
  CollectionListingEvent,
  CollectionTrackEvent,
]);
export type Event = z.infer<typeof Event>;
export type EventName = Event['event'];
export type EventOf<T extends EventName> = Extract<Event, { event: T }>;
