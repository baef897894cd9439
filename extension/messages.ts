/**
 * Messages between the extension's own contexts (content script, popup, options -> background).
 * Validated with zod on receipt like the host's: a content script runs in hostile pages.
 */
import { z } from 'zod';
import { BatchInfo, BatchItemState, ConfigPatch, ErrorPayload, JobInfo, PlaylistInfo, PresetId, ProbeResult, RecentEntry, RegistryStatus } from '../shared/protocol/index.js';
import { MediaItem, PageMeta, PageReport } from './detect/types.js';
import { AlbumCommand } from './album-messages.js';

/** runtime.sendMessage from content scripts and the options page. */
export const RuntimeMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page.report'), report: PageReport }),
  z.object({ type: z.literal('config.get') }),
  z.object({ type: z.literal('config.set'), patch: ConfigPatch }),
  z.object({ type: z.literal('config.reset') }),
  z.object({ type: z.literal('album.view'), id: z.string().max(100) }),
  z.object({ type: z.literal('album.command'), id: z.string().max(100), command: AlbumCommand }),
]);
export type RuntimeMessage = z.infer<typeof RuntimeMessage>;

/** background -> content script: "send your report again" (popup opened on a tab we know nothing about). */
export const REPORT_REQUEST = { type: 'report.request' } as const;

export const MessageReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorPayload }),
]);
export type MessageReply = z.infer<typeof MessageReply>;

export const POPUP_PORT = 'popup';

export const FromPopup = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), tabId: z.number().int() }),
  /** Probe another source of the page (the source picker), or retry after an error. */
  z.object({ type: z.literal('probe'), url: z.string().max(8192).optional(), signedIn: z.boolean().optional() }),
  z.object({ type: z.literal('download'), preset: PresetId, subs: z.array(z.string().max(32)).max(20).optional(), live: z.boolean().optional() }),
  z.object({ type: z.literal('cancel'), jobId: z.string().max(64) }),
  /** End a live recording and keep the file. */
  z.object({ type: z.literal('stop'), jobId: z.string().max(64) }),
  z.object({ type: z.literal('reveal'), path: z.string().max(4096) }),
  /** Hide a finished job so the picker shows again. */
  z.object({ type: z.literal('dismiss') }),
  /** "This playlist": the checked entries of the probed playlist as one batch. */
  z.object({ type: z.literal('batch'), preset: PresetId, indices: z.array(z.number().int().positive()).min(1).max(10000), indexPrefix: z.boolean() }),
  z.object({ type: z.literal('batch.cancel'), jobId: z.string().max(64), index: z.number().int().positive().optional() }),
  z.object({ type: z.literal('batch.retry'), jobId: z.string().max(64) }),
  /** Hide a finished batch so the picker shows again. */
  z.object({ type: z.literal('batch.dismiss') }),
  /** Load the next page of the probed playlist's listing. */
  z.object({ type: z.literal('playlist.more') }),
  z.object({ type: z.literal('recent') }),
  z.object({ type: z.literal('download.again'), url: z.string().max(8192), preset: PresetId }),
]);
export type FromPopup = z.infer<typeof FromPopup>;

export const HostView = z.object({
  status: z.enum(['idle', 'connecting', 'ready', 'not_installed', 'disconnected', 'mismatch']),
  version: z.string().optional(),
  error: ErrorPayload.optional(),
  registry: RegistryStatus.optional(),
});
export type HostView = z.infer<typeof HostView>;

export const ProbeView = z.object({
  status: z.enum(['idle', 'loading', 'ok', 'error']),
  url: z.string().optional(),
  result: ProbeResult.extend({ playlist: PlaylistInfo.optional() }).optional(),
  error: ErrorPayload.optional(),
});
export type ProbeView = z.infer<typeof ProbeView>;

export const PopupState = z.object({
  tabId: z.number().int(),
  page: PageMeta.extend({ pageUrl: z.string() }).nullable(),
  /** Media items found on the page and in its requests (the badge count). */
  mediaCount: z.number().int().nonnegative(),
  /** URLs the host can be asked to probe, best first. */
  sources: z.array(MediaItem),
  host: HostView,
  probe: ProbeView,
  job: JobInfo.nullable(),
  /** The tab's batch with every item's state. */
  batch: BatchInfo.extend({ items: z.array(BatchItemState) }).nullable().optional(),
  recent: z.array(RecentEntry).optional(),
});
export type PopupState = z.infer<typeof PopupState>;

export const ToPopup = z.object({ type: z.literal('state'), state: PopupState });
export type ToPopup = z.infer<typeof ToPopup>;
