/** The popup's playlist commands: start a batch of the checked entries, cancel, retry, more pages, Recent, download again. */
import type { PresetId } from '../../shared/protocol/index.js';
import type { HostClient } from '../host/client.js';
import type { Session, Sessions } from './sessions.js';

export interface BatchCommandContext {
  tabId: number;
  client: Pick<HostClient, 'request'>;
  sessions: Sessions;
}

const ignore = (): undefined => undefined;

export async function startBatch(ctx: BatchCommandContext, preset: PresetId, indices: number[], indexPrefix: boolean): Promise<void> {
  const s = ctx.sessions.get(ctx.tabId);
  const pl = s.probe.result?.playlist;
  const url = s.probe.url;
  if (!pl || !url) return;
  const { jobId } = await ctx.client.request('batch', { preset, folder: [pl.title || s.report?.meta.title || 'Playlist'], indexPrefix, source: { kind: 'playlist', url, indices } });
  s.batchId = jobId;
  ctx.sessions.changed(ctx.tabId);
}

const loading = new WeakSet<Session>();

/** Appends the next page of the listing to the session's playlist (the virtual list grows as it loads). */
export async function morePlaylist(ctx: BatchCommandContext): Promise<void> {
  const s: Session = ctx.sessions.get(ctx.tabId);
  const pl = s.probe.result?.playlist;
  const url = s.probe.url;
  if (!pl || !url || pl.complete || loading.has(s)) return;
  loading.add(s);
  const page = await ctx.client.request('playlist.page', { url, offset: pl.entries.length, limit: 500 }).finally(() => loading.delete(s));
  if (!ctx.sessions.isCurrent(s) || s.probe.result?.playlist !== pl) return;
  s.probe.result.playlist = { ...pl, entries: [...pl.entries, ...page.entries], count: page.count, complete: page.complete };
  ctx.sessions.changed(ctx.tabId);
}

export async function loadRecent(ctx: BatchCommandContext): Promise<void> {
  const { entries } = await ctx.client.request('recent', {});
  ctx.sessions.get(ctx.tabId).recent = entries;
  ctx.sessions.changed(ctx.tabId);
}

export const BATCH_COMMANDS = {
  batch: (ctx: BatchCommandContext, m: { preset: PresetId; indices: number[]; indexPrefix: boolean }) => void startBatch(ctx, m.preset, m.indices, m.indexPrefix).catch(ignore),
  'batch.cancel': (ctx: BatchCommandContext, m: { jobId: string; index?: number }) => void ctx.client.request('batch.cancel', { jobId: m.jobId, ...(m.index !== undefined && { index: m.index }) }).catch(ignore),
  'batch.retry': (ctx: BatchCommandContext, m: { jobId: string }) =>
    void ctx.client
      .request('batch.retry', { jobId: m.jobId })
      .then(({ jobId }) => {
        ctx.sessions.get(ctx.tabId).batchId = jobId;
        ctx.sessions.changed(ctx.tabId);
      })
      .catch(ignore),
  'batch.dismiss': (ctx: BatchCommandContext) => {
    ctx.sessions.get(ctx.tabId).batchId = null;
    ctx.sessions.changed(ctx.tabId);
  },
  'playlist.more': (ctx: BatchCommandContext) => void morePlaylist(ctx).catch(ignore),
  recent: (ctx: BatchCommandContext) => void loadRecent(ctx).catch(ignore),
  'download.again': (ctx: BatchCommandContext, m: { url: string; preset: PresetId }) => void ctx.client.request('download', { url: m.url, preset: m.preset }).catch(ignore),
};
