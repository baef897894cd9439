/** Playlists and batch jobs on the wire (issue 10, video side): listing pages, batch items, their states. */
import { z } from 'zod';
import { ErrorPayload, HttpUrl, PresetId, TrackTags } from './models.js';

/** One entry of a `--flat-playlist` listing; `index` is 1-based in the source list. */
export const PlaylistEntry = z.object({
  index: z.number().int().positive(),
  id: z.string().nullable(),
  title: z.string(),
  durationSec: z.number().nonnegative().nullable(),
  url: z.string(),
  thumbnail: z.string().optional(),
  /** "<extractor> <id>" (yt-dlp's archive key) when both are known. */
  archiveKey: z.string().optional(),
});
export type PlaylistEntry = z.infer<typeof PlaylistEntry>;

/** A page of a listing. `count`: the total when known; `complete`: the listing has finished. */
export const PlaylistInfo = z.object({
  title: z.string(),
  count: z.number().int().nonnegative().nullable(),
  entries: z.array(PlaylistEntry),
  offset: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type PlaylistInfo = z.infer<typeof PlaylistInfo>;

export const BatchItem = z
  .object({
    url: HttpUrl,
    index: z.number().int().positive(),
    title: z.string().max(1000).optional(),
    /** File name without extension chosen by the caller ("01 - Title"); the host sanitises it. */
    fileStem: z.string().min(1).max(255).optional(),
    tags: TrackTags.optional(),
    /** Extractor + id when known: the download archive's key. */
    archiveKey: z.string().max(200).optional(),
  })
  .strict();
export type BatchItem = z.infer<typeof BatchItem>;

export const BatchSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('playlist'), url: HttpUrl, indices: z.array(z.number().int().positive()).max(10000).optional() }).strict(),
  z.object({ kind: z.literal('items'), items: z.array(BatchItem).min(1).max(2000) }).strict(),
]);

export const BatchFields = {
  preset: PresetId,
  /** Segments under the download dir, each sanitised: [playlist title] or [album artist, album]. */
  folder: z.array(z.string().min(1).max(255)).min(1).max(2),
  indexPrefix: z.boolean().optional(),
  /** Overrides the configured download dir (the CLI's --out); the folder segments go under it. */
  outDir: z.string().min(1).max(4096).optional(),
  source: BatchSource,
};

export const BatchItemStatus = z.enum(['queued', 'running', 'done', 'failed', 'skipped', 'cancelled']);
export type BatchItemStatus = z.infer<typeof BatchItemStatus>;

export const BatchItemState = z.object({
  index: z.number().int().positive(),
  title: z.string().optional(),
  status: BatchItemStatus,
  /** The item's download job while it runs (shares the host's concurrency limit). */
  jobId: z.string().optional(),
  path: z.string().optional(),
  bytes: z.number().nonnegative().optional(),
  percent: z.number().min(0).max(100).nullable().optional(),
  error: ErrorPayload.optional(),
  /** Why an item was skipped: "archive" (downloaded before) or "duplicate" (the same video earlier in the list). */
  reason: z.enum(['archive', 'duplicate']).optional(),
});
export type BatchItemState = z.infer<typeof BatchItemState>;

export const BatchInfo = z.object({
  id: z.string(),
  status: z.enum(['listing', 'running', 'done', 'failed', 'cancelled']),
  title: z.string(),
  folder: z.string(),
  preset: PresetId,
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  etaSec: z.number().nonnegative().nullable(),
  /** Omitted while running (items travel as batch.item); on the final batch.state, the failed and cancelled ones. */
  items: z.array(BatchItemState).optional(),
  /** The .m3u8 written when the batch ended. */
  m3u8: z.string().optional(),
  error: ErrorPayload.optional(),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
});
export type BatchInfo = z.infer<typeof BatchInfo>;

/** One row of the popup's "Recent" list (single downloads and batch items alike). */
export const RecentEntry = z.object({
  url: z.string(),
  title: z.string(),
  path: z.string(),
  preset: z.string(),
  batchId: z.string().nullable(),
  at: z.number(),
});
export type RecentEntry = z.infer<typeof RecentEntry>;
