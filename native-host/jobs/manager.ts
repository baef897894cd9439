/**
 * The job manager: a FIFO queue with a concurrency limit. Jobs belong to the host process, not to
 * the request that started them, so they outlive the popup. Cancel aborts the job's AbortSignal;
 * the pipeline kills its process tree and removes its .part file before its promise settles.
 */
import { randomUUID } from 'node:crypto';
import type { Event, JobInfo, Progress } from '../../shared/protocol/index.js';
import { NexError, toErrorPayload } from '../../shared/errors.js';
import type { DownloadHooks, DownloadResult, DownloadSpec, LogFn } from '../media/types.js';
import { compactError, jobBytes, pageJobs, type JobsPage } from './list-page.js';
import { isTerminal, transition } from './state.js';
import { Throttle } from './throttle.js';
import { LIMITS } from '../limits.js';

/** Runs one download; must settle (reject) soon after `signal` aborts, having cleaned up. */
export type JobRunner = (spec: DownloadSpec, hooks: Required<Pick<DownloadHooks, 'signal' | 'log' | 'onProgress' | 'onTitle'>> & Pick<DownloadHooks, 'stop'>) => Promise<DownloadResult>;

export interface JobManagerOptions {
  run: JobRunner;
  emit: (ev: Event) => void;
  /** Read on every scheduling decision so config.set takes effect at once. Default 2. */
  concurrency?: () => number;
  /** Where a job's log lines go. */
  logFor?: (jobId: string) => LogFn;
  /** Progress events per job per second, at most. Default 5. */
  progressPerSec?: number;
  /** Jobs waiting at most; beyond it submit fails with job.queue_full. Default 100. */
  maxQueued?: number;
  /** Finished jobs kept for jobs.list; default 200. */
  keepFinished?: number;
  /** ...and at most this many bytes of them (as JSON), oldest dropped first; default 2 MiB. */
  keepFinishedBytes?: number;
  now?: () => number;
}

interface Entry {
  info: JobInfo;
  spec: DownloadSpec;
  abort: AbortController;
  /** A live recording's Stop (keeps the file), apart from abort (keeps nothing). */
  stop: AbortController;
  settled?: Promise<void>;
  throttle: Throttle<Progress>;
  /** JSON size once finished (what it costs jobs.list and the finished-jobs budget). */
  bytes?: number;
}

export class JobManager {
  private readonly jobs = new Map<string, Entry>();
  private readonly queue: string[] = [];
  private running = 0;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly opts: JobManagerOptions) {
    this.now = opts.now ?? Date.now;
  }

  submit(spec: DownloadSpec): JobInfo {
    if (this.closed) throw new NexError('job.cancelled', 'the host is shutting down');
    const maxQueued = this.opts.maxQueued ?? 100;
    if (this.queue.length >= maxQueued) throw new NexError('job.queue_full', `${maxQueued} jobs are already waiting`, { queued: this.queue.length });
    const id = randomUUID();
    const info: JobInfo = { id, kind: 'download', status: 'queued', url: spec.url, preset: spec.preset, createdAt: this.now() };
    if (spec.title) info.title = spec.title;
    if (spec.live) info.live = true;
    const perSec = this.opts.progressPerSec ?? 5;
    const throttle = new Throttle<Progress>(1000 / perSec, (progress) => this.onProgress(id, progress), this.now);
    this.jobs.set(id, { info, spec, abort: new AbortController(), stop: new AbortController(), throttle });
    this.queue.push(id);
    this.emitState(id);
    this.pump();
    return this.get(id) as JobInfo;
  }

  get(id: string): JobInfo | undefined {
    const e = this.jobs.get(id);
    return e ? structuredClone(e.info) : undefined;
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((e) => structuredClone(e.info));
  }

  /** One page of list(), sized to fit a frame (see list-page.ts). */
  page(opts: { offset?: number; limit?: number; maxBytes?: number } = {}): JobsPage {
    return pageJobs(this.list(), opts);
  }

  /** True if this call cancelled the job; false if it had finished or a cancel was already under way. */
  cancel(id: string): boolean {
    const e = this.jobs.get(id);
    if (!e) throw new NexError('job.not_found', `no job ${id}`, { jobId: id });
    if (isTerminal(e.info.status) || e.abort.signal.aborted) return false;
    if (e.info.status === 'queued') {
      this.queue.splice(this.queue.indexOf(id), 1);
      this.finish(e, 'cancelled');
      return true;
    }
    e.abort.abort(new NexError('job.cancelled', 'cancelled'));
    return true;
  }

  /** Ends a live recording and keeps what it recorded: true if this call stopped it (a queued one is just cancelled). */
  stop(id: string): boolean {
    const e = this.jobs.get(id);
    if (!e) throw new NexError('job.not_found', `no job ${id}`, { jobId: id });
    if (!e.spec.live) throw new NexError('input.invalid', 'Only a live recording can be stopped; cancel a download instead.', { jobId: id });
    if (isTerminal(e.info.status) || e.abort.signal.aborted || e.stop.signal.aborted) return false;
    if (e.info.status === 'queued') return this.cancel(id);
    e.stop.abort();
    return true;
  }

  /**
   * Cancels everything and waits (bounded) for running jobs to clean up. Used on browser
   * disconnect and signals. Returns false if some job did not settle in time.
   */
  async shutdown(timeoutMs: number = LIMITS.cliShutdownMs): Promise<boolean> {
    this.closed = true;
    const settling: Promise<void>[] = [];
    for (const e of this.jobs.values()) {
      if (e.info.status === 'queued' || e.info.status === 'running') {
        if (e.settled) settling.push(e.settled);
        this.cancel(e.info.id);
      }
    }
    if (settling.length === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
    const done = await Promise.race([Promise.allSettled(settling).then(() => true), timeout]);
    clearTimeout(timer);
    return done;
  }

  /** Starts queued jobs if the concurrency limit went up (config.set). */
  reschedule(): void {
    this.pump();
  }

  /** Resolves when nothing is queued or running (CLI: wait for the one job). */
  async idle(): Promise<void> {
    while (this.running > 0 || this.queue.length > 0) {
      await Promise.allSettled([...this.jobs.values()].map((e) => e.settled).filter(Boolean));
      await new Promise((r) => setImmediate(r));
    }
  }

  private pump(): void {
    const limit = Math.max(1, this.opts.concurrency?.() ?? 2);
    while (!this.closed && this.running < limit && this.queue.length) {
      const id = this.queue.shift() as string;
      const e = this.jobs.get(id);
      if (e) this.start(e);
    }
  }

  private start(e: Entry): void {
    this.running++;
    e.info = transition(e.info, 'running', this.now());
    this.emitState(e.info.id);
    const id = e.info.id;
    const log: LogFn = this.opts.logFor?.(id) ?? (() => {});
    const hooks = {
      signal: e.abort.signal,
      stop: e.stop.signal,
      log,
      onProgress: (p: Progress) => e.throttle.push(p),
      onTitle: (title: string) => {
        e.info = { ...e.info, title };
      },
    };
    // Called synchronously so the runner subscribes to the signal before any cancel can fire.
    let run: Promise<DownloadResult>;
    try {
      run = this.opts.run(e.spec, hooks);
    } catch (err) {
      run = Promise.reject(err);
    }
    e.settled = run
      .then(
        (res) => {
          e.info = { ...e.info, path: res.path };
          this.finish(e, 'done');
        },
        (err: unknown) => {
          // Stopped before anything was recorded: nothing to keep, as if cancelled.
          const emptyStop = e.stop.signal.aborted && (err as { code?: unknown } | null)?.code === 'job.cancelled';
          if (e.abort.signal.aborted || emptyStop) this.finish(e, 'cancelled');
          else this.finish(e, 'failed', err);
        },
      )
      .finally(() => {
        this.running--;
        this.pump();
      });
  }

  private finish(e: Entry, status: 'done' | 'failed' | 'cancelled', err?: unknown): void {
    e.throttle.cancel();
    e.info = transition(e.info, status, this.now());
    const id = e.info.id;
    if (status === 'done') this.opts.emit({ kind: 'event', event: 'job.done', jobId: id, path: e.info.path ?? '', job: structuredClone(e.info) });
    else if (status === 'failed') {
      // Bounded: a stderr tail per failed job must not grow jobs.list past the frame limit.
      e.info.error = compactError(toErrorPayload(err));
      this.opts.emit({ kind: 'event', event: 'job.failed', jobId: id, error: e.info.error, job: structuredClone(e.info) });
    } else this.emitState(id);
    this.prune();
  }

  private onProgress(id: string, progress: Progress): void {
    const e = this.jobs.get(id);
    if (!e || e.info.status !== 'running') return;
    e.info = { ...e.info, progress };
    this.opts.emit({ kind: 'event', event: 'job.progress', jobId: id, progress });
  }

  private emitState(id: string): void {
    const e = this.jobs.get(id);
    if (e) this.opts.emit({ kind: 'event', event: 'job.state', job: structuredClone(e.info) });
  }

  private prune(): void {
    const keep = this.opts.keepFinished ?? 200;
    const budget = this.opts.keepFinishedBytes ?? LIMITS.keepFinishedBytes;
    const finished = [...this.jobs.values()].filter((e) => isTerminal(e.info.status));
    let bytes = 0;
    for (const e of finished) bytes += (e.bytes ??= jobBytes(e.info));
    // Oldest first, until both the count and the byte budget hold.
    for (let i = 0; i < finished.length && (finished.length - i > keep || bytes > budget); i++) {
      const e = finished[i] as Entry;
      bytes -= e.bytes ?? 0;
      this.jobs.delete(e.info.id);
    }
  }
}
