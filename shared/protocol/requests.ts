import { z } from 'zod';
import { BrowserCookie, ConfigPatch, HttpUrl, PresetId, SubtitleChoice, TrackTags } from './models.js';
import { PageTrackMeta } from './track.js';
import { BatchFields } from './playlist.js';

export { BatchItem } from './playlist.js';
import { PageRow } from './collection.js';

/** Request id: chosen by the caller, echoed in the response. */
export const RequestId = z.string().min(1).max(64);

const req = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ id: RequestId, type: z.literal(type), ...shape }).strict();

export const PingRequest = req('ping', {});
export const DoctorRequest = req('doctor', {});
export const ProbeRequest = req('probe', { url: HttpUrl, noCache: z.boolean().optional(), cookies: z.array(BrowserCookie).max(300).optional() });
export const DownloadRequest = req('download', {
  url: HttpUrl,
  preset: PresetId,
  /** Overrides the configured download folder for this job. */
  outDir: z.string().min(1).max(4096).optional(),
  /** Title shown by the page; the probe's title wins when present. */
  title: z.string().max(1000).optional(),
  tags: TrackTags.optional(),
  /** Subtitles to embed (video presets); languages the source lacks fail the job with input.invalid. */
  subs: SubtitleChoice.optional(),
  /** The browser's cookies for this site, for this job only (the user opted in for the site). */
  cookies: z.array(BrowserCookie).max(300).optional(),
  /** Record a live stream from now (probe `live: 'is_live'`) until `stop`, the stream's end or a stall. */
  live: z.boolean().optional(),
});
export const CancelRequest = req('cancel', { jobId: z.string().min(1).max(64) });
/** Ends a live recording and keeps what was recorded (cancel keeps nothing). */
export const StopRequest = req('stop', { jobId: z.string().min(1).max(64) });
/** Pages: active jobs first, then finished newest first; a page never exceeds half a frame. */
export const JobsListRequest = req('jobs.list', { offset: z.number().int().min(0).max(100_000).optional(), limit: z.number().int().min(1).max(500).optional() });
export const ConfigGetRequest = req('config.get', {});
export const ConfigSetRequest = req('config.set', { patch: ConfigPatch });
/** Replaces a config file that does not parse with defaults; the broken one stays copied aside. */
export const ConfigResetRequest = req('config.reset', {});
export const ResolveRequest = req('resolve', {
  /** A track link or free text such as "Daft Punk - One More Time". */
  input: z.string().min(1).max(4096),
  meta: PageTrackMeta.optional(),
  noCache: z.boolean().optional(),
});
export const OverrideRequest = req('resolve.override', {
  /** The resolve input (or ISRC) the override applies to. */
  input: z.string().min(1).max(4096),
  isrc: z.string().max(32).nullable().optional(),
  videoUrl: HttpUrl,
});
/** "Resolve this album / playlist": list it, resolve every track; `page` carries the rows the content script read (Spotify playlists). */
export const ResolveCollectionRequest = req('resolve.collection', {
  input: z.string().min(1).max(4096),
  page: z.object({ title: z.string().max(1000).nullable(), rows: z.array(PageRow).max(2000) }).strict().optional(),
  noCache: z.boolean().optional(),
});
/** "Show in folder": the host opens the file manager on a file it wrote (or one under the download dir). */
export const RevealRequest = req('reveal', { path: z.string().min(1).max(4096) });
/** Many downloads as one job: a yt-dlp playlist, or items the caller lists (an album). Reply { jobId }. */
export const BatchRequest = req('batch', BatchFields);
/** More of a playlist listing the probe started (its first page came with the probe). */
export const PlaylistPageRequest = req('playlist.page', { url: HttpUrl, offset: z.number().int().nonnegative().max(100_000), limit: z.number().int().min(1).max(500).optional() });
/** Cancels a whole batch, or one of its items (`index`). */
export const BatchCancelRequest = req('batch.cancel', { jobId: z.string().min(1).max(64), index: z.number().int().positive().optional() });
/** A new batch of the failed and cancelled items of a finished one. */
export const BatchRetryRequest = req('batch.retry', { jobId: z.string().min(1).max(64) });
/** The last downloads (single and batch items), newest first. */
export const RecentRequest = req('recent', { limit: z.number().int().min(1).max(50).optional() });
export const LogsRequest = req('logs.tail', { jobId: z.string().max(64).optional(), limit: z.number().int().min(1).max(5000).optional() });

export const Request = z.discriminatedUnion('type', [
  PingRequest,
  DoctorRequest,
  ProbeRequest,
  DownloadRequest,
  CancelRequest,
  StopRequest,
  JobsListRequest,
  ConfigGetRequest,
  ConfigSetRequest,
  ConfigResetRequest,
  ResolveRequest,
  OverrideRequest,
  ResolveCollectionRequest,
  LogsRequest,
  RevealRequest,
  BatchRequest,
  PlaylistPageRequest,
  BatchCancelRequest,
  BatchRetryRequest,
  RecentRequest,
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export const REQUEST_TYPES = Request.options.map((o) => o.shape.type.value) as RequestType[];
