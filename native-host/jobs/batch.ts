/**
 * Batch jobs: many downloads as one. Items run as ordinary jobs of the JobManager, at most
 * `concurrency` at a time, so a batch shares the host's limit with single downloads instead of
 * flooding the queue. The batch observes its items' job events (observe()), skips what the archive
 * says is already there, stops cleanly on a full disk, and writes an .m3u8 at the end.
 */
import { mkdir, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { BatchInfo, BatchItem, BatchItemState, Event, PlaylistInfo, PresetId } from '../../shared/protocol/index.js';
import { NexError, toErrorPayload } from '../../shared/errors.js';
import type { Library } from '../library/index.js';
import type { LogFn } from '../media/types.js';
import type { JobManager } from './manager.js';
import { archiveKeyOf, batchFolder, distinctStems, entriesToItems, fileStem, writeM3u8 } from './batch-output.js';
import { batchPrefetch, type ProbeChunk } from './batch-prefetch.js';

export interface BatchSpec {
  preset: PresetId;
  folder: string[];
  indexPrefix?: boolean;
  outDir: string;
  source: { kind: 'playlist'; url: string; indices?: number[] } | { kind: 'items'; items: BatchItem[] };
}

export interface BatchDeps {
  jobs: JobManager;
  emit(ev: Event): void;
  /** Every entry of a playlist; null when the URL is no playlist. */
  list(url: string, signal: AbortSignal): Promise<PlaylistInfo | null>;
  library(): Promise<Library | null>;
  concurrency(): number;
  /** Resolves several entries of a playlist in one yt-dlp run into the probe cache (optional). */
  probeChunk?: ProbeChunk;
  log: LogFn;
  now?: () => number;
}

interface Slot {
  item: BatchItem;
  state: BatchItemState;
}

interface Batch {
  info: BatchInfo;
  spec: BatchSpec;
  slots: Slot[];
  pending: Slot[];
  byJob: Map<string, Slot>;
  abort: AbortController;
  startedAt: number;
  stopping: boolean;
  prefetch?: ReturnType<typeof batchPrefetch>;
}

const FINAL = new Set(['done', 'failed', 'skipped', 'cancelled']);
export class BatchManager {
  private readonly batches = new Map<string, Batch>();
  private readonly byJob = new Map<string, Batch>();
  private readonly now: () => number;

  constructor(private readonly deps: BatchDeps) {
    this.now = deps.now ?? Date.now;
  }

  submit(spec: BatchSpec): BatchInfo {
    const id = randomUUID();
    const folder = batchFolder(spec.outDir, spec.folder);
    const info: BatchInfo = { id, status: 'listing', title: spec.folder.at(-1) ?? '', folder, preset: spec.preset, total: 0, done: 0, failed: 0, skipped: 0, cancelled: 0, bytes: 0, etaSec: null, createdAt: this.now() };
    const b: Batch = { info, spec, slots: [], pending: [], byJob: new Map(), abort: new AbortController(), startedAt: this.now(), stopping: false };
    this.batches.set(id, b);
    this.emitState(b);
    void this.start(b).catch((e: unknown) => this.end(b, 'failed', e));
    return structuredClone(info);
  }

  get(id: string): BatchInfo | undefined {
    const b = this.batches.get(id);
    return b ? { ...structuredClone(b.info), items: b.slots.map((s) => structuredClone(s.state)) } : undefined;
  }

  /** Cancels the whole batch, or one item. True if something was still to cancel. */
  cancel(id: string, index?: number): boolean {
    const b = this.batches.get(id);
    if (!b) throw new NexError('job.not_found', `no batch ${id}`, { jobId: id });
    if (index === undefined) {
      if (FINAL.has(b.info.status)) return false;
      b.stopping = true;
      b.abort.abort();
      for (const s of [...b.pending]) this.settle(b, s, 'cancelled');
      b.pending = [];
      for (const jobId of b.byJob.keys()) this.deps.jobs.cancel(jobId);
      this.maybeEnd(b, 'cancelled');
      return true;
    }
    const s = b.slots.find((x) => x.item.index === index);
    if (!s || FINAL.has(s.state.status)) return false;
    if (s.state.jobId) return this.deps.jobs.cancel(s.state.jobId);
    b.pending = b.pending.filter((x) => x !== s);
    this.settle(b, s, 'cancelled');
    this.maybeEnd(b);
    return true;
  }

  /** A new batch of the failed and cancelled items of a finished one. */
  retry(id: string): BatchInfo {
    const b = this.batches.get(id);
    if (!b) throw new NexError('job.not_found', `no batch ${id}`, { jobId: id });
    const items = b.slots.filter((s) => s.state.status === 'failed' || s.state.status === 'cancelled').map((s) => s.item);
    if (!items.length) throw new NexError('input.invalid', 'Nothing in this batch failed.', { jobId: id });
    return this.submit({ ...b.spec, source: { kind: 'items', items } });
  }

  /** Cancels every batch (host shutdown) so none submits more items while the jobs stop. */
  shutdown(): void {
    for (const b of this.batches.values()) if (!FINAL.has(b.info.status)) this.cancel(b.info.id);
  }

  /** The batch a job belongs to, if any. */
  batchOf = (jobId: string): string | null => this.byJob.get(jobId)?.info.id ?? null;

  /** Fed every job event of the host: the batch follows its items through them. */
  observe(ev: Event): void {
    const jobId = ev.event === 'job.state' ? ev.job.id : 'jobId' in ev ? ev.jobId : null;
    const b = jobId ? this.byJob.get(jobId) : undefined;
    const s = jobId ? b?.byJob.get(jobId) : undefined;
    if (!b || !s || !jobId) return;
    if (ev.event === 'job.progress') {
      s.state.percent = ev.progress.percent;
      this.emitItem(b, s);
    } else if (ev.event === 'job.state' && ev.job.status === 'running' && s.state.status !== 'running') {
      s.state.status = 'running';
      this.emitItem(b, s);
    } else if (ev.event === 'job.done') void this.itemDone(b, s, jobId, ev.path);
    else if (ev.event === 'job.failed') {
      this.release(b, jobId);
      s.state.error = ev.error;
      this.settle(b, s, 'failed');
      // Nothing more fits on a full disk: stop the rest cleanly instead of failing them one by one.
      if (ev.error.code === 'media.disk_full') return this.stop(b, ev.error);
      this.pump(b);
    } else if (ev.event === 'job.state' && ev.job.status === 'cancelled') {
      this.release(b, jobId);
      this.settle(b, s, 'cancelled');
      this.pump(b);
    }
  }

  private async start(b: Batch): Promise<void> {
    const items = await this.items(b);
    if (!items.length) throw new NexError('media.empty_playlist', 'This playlist has nothing to download.', {});
    const width = String(Math.max(...items.map((i) => i.index))).length;
    const seen = new Map<string, number>();
    for (const item of items) {
      const stem = fileStem(item, { indexPrefix: b.spec.indexPrefix ?? false, width });
      const slot: Slot = { item: { ...item, ...(stem !== undefined && { fileStem: stem }) }, state: { index: item.index, status: 'queued', ...(item.title && { title: item.title }) } };
      b.slots.push(slot);
      const key = archiveKeyOf(item);
      if (seen.has(key)) {
        slot.state.reason = 'duplicate';
        slot.state.status = 'skipped';
      } else b.pending.push(slot);
      seen.set(key, item.index);
    }
    b.info = { ...b.info, status: 'running', total: b.slots.length, skipped: b.slots.length - b.pending.length };
    await mkdir(b.info.folder, { recursive: true }).catch((e: unknown) => {
      const code = (e as NodeJS.ErrnoException).code;
      throw new NexError(code === 'ENOSPC' ? 'media.disk_full' : 'media.output', `Cannot create ${b.info.folder}: ${(e as Error).message}`, { dir: b.info.folder });
    });
    const src = b.spec.source;
    // The first chunk's probes stream in while the first items wait for their own entry only (launch()).
    if (src.kind === 'playlist' && this.deps.probeChunk) void (b.prefetch = batchPrefetch(this.deps.probeChunk, src.url, b.pending.map((s) => s.item), b.abort.signal)).first();
    if (b.abort.signal.aborted) return;
    this.emitState(b);
    for (const s of b.slots) if (s.state.reason === 'duplicate') this.emitItem(b, s);
    distinctStems(b.pending.map((s) => s.item.fileStem)).forEach((stem, i) => stem && ((b.pending[i] as Slot).item.fileStem = stem));
    this.pump(b);
  }

  private async items(b: Batch): Promise<BatchItem[]> {
    const src = b.spec.source;
    if (src.kind === 'items') return src.items;
    const listing = await this.deps.list(src.url, b.abort.signal);
    if (!listing) throw new NexError('media.empty_playlist', 'yt-dlp lists no playlist entries here.', { url: src.url });
    return entriesToItems(listing, src.indices);
  }

  /** Starts items up to the host's concurrency; the archive check runs before each one is queued. */
  private pump(b: Batch): void {
    while (!b.stopping && b.pending.length && b.byJob.size + this.checking(b) < Math.max(1, this.deps.concurrency())) {
      const s = b.pending.shift() as Slot;
      b.prefetch?.launched();
      s.state.status = 'running';
      void this.launch(b, s);
    }
    this.maybeEnd(b);
  }

  private checking = (b: Batch): number => b.slots.filter((s) => s.state.status === 'running' && !s.state.jobId).length;

  private async launch(b: Batch, s: Slot): Promise<void> {
    const earlier = await (await this.deps.library().catch(() => null))?.archived(archiveKeyOf(s.item), b.spec.preset, b.info.folder).catch(() => null);
    if (!earlier && !b.stopping) await b.prefetch?.ready(s.item.index);
    if (s.state.status === 'cancelled') return; // cancelled alone while it waited for its probe
    if (b.stopping) return this.settle(b, s, 'cancelled'), this.maybeEnd(b);
    if (earlier) {
      s.state.path = earlier;
      s.state.reason = 'archive';
      this.settle(b, s, 'skipped');
      return this.pump(b);
    }
    try {
      const { item } = s;
      const job = this.deps.jobs.submit({ url: item.url, preset: b.spec.preset, outDir: b.info.folder, ...(item.title && { title: item.title }), ...(item.tags && { tags: item.tags }), ...(item.fileStem && { fileStem: item.fileStem }) });
      s.state.jobId = job.id;
      s.state.status = job.status === 'running' ? 'running' : 'queued';
      b.byJob.set(job.id, s);
      this.byJob.set(job.id, b);
      this.emitItem(b, s);
    } catch (e) {
      s.state.error = toErrorPayload(e);
      this.settle(b, s, 'failed');
      this.pump(b);
    }
  }

  private async itemDone(b: Batch, s: Slot, jobId: string, path: string): Promise<void> {
    s.state.path = path;
    s.state.bytes = await stat(path).then((x) => x.size, () => 0);
    const lib = await this.deps.library().catch(() => null);
    await lib?.archive(archiveKeyOf(s.item), b.spec.preset, b.info.folder, path).catch((e: unknown) => this.warn(`archive write failed: ${String(e)}`));
    this.release(b, jobId);
    this.settle(b, s, 'done');
    this.pump(b);
  }

  private release(b: Batch, jobId: string): void {
    for (const m of [b.byJob, this.byJob]) m.delete(jobId);
  }

  private stop(b: Batch, error: BatchInfo['error']): void {
    b.info.error = error;
    b.stopping = true;
    for (const s of b.pending) this.settle(b, s, 'cancelled');
    b.pending = [];
    for (const jobId of b.byJob.keys()) this.deps.jobs.cancel(jobId);
    this.maybeEnd(b, 'failed');
  }

  private settle(b: Batch, s: Slot, status: 'done' | 'failed' | 'skipped' | 'cancelled'): void {
    s.state.status = status;
    delete s.state.jobId;
    if (status === 'done') s.state.percent = 100;
    const i = b.info;
    if (status === 'done') i.bytes += s.state.bytes ?? 0;
    const count = (st: string) => b.slots.filter((x) => x.state.status === st).length;
    b.info = { ...i, done: count('done'), failed: count('failed'), skipped: count('skipped'), cancelled: count('cancelled'), etaSec: this.eta(b) };
    this.emitItem(b, s);
    this.emitState(b);
  }

  /** Remaining downloads x the time per finished download so far (concurrency is in that rate already). */
  private eta(b: Batch): number | null {
    const finished = b.slots.filter((s) => s.state.status === 'done').length;
    const left = b.slots.filter((s) => !FINAL.has(s.state.status)).length;
    if (!finished) return null;
    return Math.round(((this.now() - b.startedAt) / 1000 / finished) * left);
  }

  private maybeEnd(b: Batch, status?: 'failed' | 'cancelled'): void {
    if (FINAL.has(b.info.status) || b.info.status === 'listing') return;
    if (b.pending.length || b.slots.some((s) => !FINAL.has(s.state.status))) return;
    void this.end(b, status ?? (b.info.error ? 'failed' : b.stopping ? 'cancelled' : 'done'));
  }

  private async end(b: Batch, status: 'done' | 'failed' | 'cancelled', err?: unknown): Promise<void> {
    if (FINAL.has(b.info.status)) return;
    b.info.status = status; // set first: a second caller returns above
    if (err) b.info.error = toErrorPayload(err);
    if (b.slots.some((s) => s.state.path)) {
      b.info.m3u8 = await writeM3u8(b.info.folder, b.info.title || 'playlist', b.slots.map((s) => s.state)).catch((e: unknown) => {
        this.warn(`playlist file not written: ${String(e)}`);
        return undefined;
      });
      if (!b.info.m3u8) delete b.info.m3u8;
    }
    b.info.finishedAt = this.now();
    b.info.etaSec = 0;
    this.emitState(b, b.slots.filter((s) => s.state.status === 'failed' || s.state.status === 'cancelled'));
  }

  private warn = (text: string): void => this.deps.log({ source: 'host', level: 'warn', text });

  private emitItem = (b: Batch, s: Slot): void => this.deps.emit({ kind: 'event', event: 'batch.item', jobId: b.info.id, item: structuredClone(s.state) });

  private emitState(b: Batch, items?: Slot[]): void {
    const batch: BatchInfo = structuredClone(b.info);
    if (items) batch.items = items.map((s) => structuredClone(s.state));
    this.deps.emit({ kind: 'event', event: 'batch.state', batch });
  }
}
