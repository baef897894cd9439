import { z } from 'zod';
import { DoctorReport, ErrorPayload, JobInfo, JobStatus, LogLine, ProbeResult, PublicConfig } from './models.js';
import { ResolveResult } from './track.js';
import { PlaylistInfo, RecentEntry } from './playlist.js';
import { ResolvedCollection } from './collection.js';
import type { RequestType } from './requests.js';

/** What each request resolves to on success. */
export const ResultSchemas = {
  ping: z.object({ version: z.string(), protocol: z.number(), pid: z.number() }),
  doctor: DoctorReport,
  /** `playlist`: present when yt-dlp lists several entries here (its first page). */
  probe: ProbeResult.extend({ playlist: PlaylistInfo.optional() }),
  download: z.object({ jobId: z.string() }),
  cancel: z.object({ cancelled: z.boolean(), status: JobStatus.optional() }),
  stop: z.object({ stopped: z.boolean(), status: JobStatus.optional() }),
  'jobs.list': z.object({ jobs: z.array(JobInfo), total: z.number().int().optional(), nextOffset: z.number().int().nullable().optional() }),
  'config.get': PublicConfig,
  'config.set': PublicConfig,
  'config.reset': PublicConfig,
  resolve: ResolveResult,
  'resolve.override': z.object({ saved: z.boolean() }),
  'resolve.collection': ResolvedCollection,
  'logs.tail': z.object({ lines: z.array(LogLine) }),
  /** `folder`: the folder shown; `selected`: whether the file manager was asked to select the file too. */
  reveal: z.object({ folder: z.string(), selected: z.boolean() }),
  batch: z.object({ jobId: z.string() }),
  'playlist.page': PlaylistInfo,
  'batch.cancel': z.object({ cancelled: z.boolean() }),
  'batch.retry': z.object({ jobId: z.string() }),
  recent: z.object({ entries: z.array(RecentEntry) }),
} satisfies Record<RequestType, z.ZodTypeAny>;

export type ResultOf<T extends RequestType> = z.infer<(typeof ResultSchemas)[T]>;

export const OkResponse = z.object({ kind: z.literal('response'), id: z.string(), ok: z.literal(true), result: z.unknown() });
export const ErrResponse = z.object({
  kind: z.literal('response'),
  /** null when the request could not even be parsed far enough to find its id. */
  id: z.string().nullable(),
  ok: z.literal(false),
  error: ErrorPayload,
});
export const Response = z.discriminatedUnion('ok', [OkResponse, ErrResponse]);
export type Response = z.infer<typeof Response>;
