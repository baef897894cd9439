import { z } from 'zod';
import { ConfigPatch, HttpUrl, PresetId, TrackTags } from './models.js';
import { PageTrackMeta } from './track.js';
import { PageRow } from './collection.js';

/** Request id: chosen by the caller, echoed in the response. */
export const RequestId = z.string().min(1).max(64);

const req = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ id: RequestId, type: z.literal(type), ...shape }).strict();

export const PingRequest = req('ping', {});
export const DoctorRequest = req('doctor', {});
export const ProbeRequest = req('probe', { url: HttpUrl, noCache: z.boolean().optional() });
export const DownloadRequest = req('download', {
  url: HttpUrl,
  preset: PresetId,
  /** Overrides the configured download folder for this job. */
  outDir: z.string().min(1).max(4096).optional(),
  /** Title shown by the page; the probe's title wins when present. */
  title: z.string().max(1000).optional(),
  tags: TrackTags.optional(),
});
export const CancelRequest = req('cancel', { jobId: z.string().min(1).max(64) });
export const JobsListRequest = req('jobs.list', {});
export const ConfigGetRequest = req('config.get', {});
export const ConfigSetRequest = req('config.set', { patch: ConfigPatch });
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
export const LogsRequest = req('logs.tail', { jobId: z.string().max(64).optional(), limit: z.number().int().min(1).max(5000).optional() });

export const Request = z.discriminatedUnion('type', [
  PingRequest,
  DoctorRequest,
  ProbeRequest,
  DownloadRequest,
  CancelRequest,
  JobsListRequest,
  ConfigGetRequest,
  ConfigSetRequest,
  ResolveRequest,
  OverrideRequest,
  ResolveCollectionRequest,
  LogsRequest,
  RevealRequest,
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export const REQUEST_TYPES = Request.options.map((o) => o.shape.type.value) as RequestType[];
