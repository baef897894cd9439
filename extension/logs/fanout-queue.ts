import type { JobInfo, LogLine } from '../../shared/protocol/index.js';

export interface FanoutBatch {
  lines: LogLine[];
  /** Lines shed since the previous batch, by this queue (debug first, then the oldest) or upstream. */
  dropped: number;
  /** Jobs that changed since the previous batch, newest state only. */
  jobs: JobInfo[];
}

export interface FanoutQueueOptions {
  /** Minimum time between two flushes, ms. Default 100. */
  intervalMs?: number;
  /** Most lines sent in one flush; the rest wait for the next tick. Default 5,000. */
  maxBatch?: number;
  /** Most lines waiting; beyond it lines are shed and counted. Default 20,000. */
  maxPending?: number;
  /** Injected for tests. Default setTimeout/clearTimeout. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Coalesces log lines and job updates and hands them out at most once per interval, so a
 * 100,000-line flood becomes ten messages a second per panel instead of a message per line.
 * Job updates ride in every batch ahead of the lines, so progress is never stuck behind a flood.
 */
export class FanoutQueue {
  private pending: (LogLine | null)[] = [];
  private live = 0;
  private keyIndex = new Map<string, number>();
  private jobs = new Map<string, JobInfo>();
  private dropped = 0;
  private timer: unknown = null;
  private lastFlush = 0;
  private readonly intervalMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly sink: (batch: FanoutBatch) => void,
    opts: FanoutQueueOptions = {},
  ) {
    this.intervalMs = opts.intervalMs ?? 100;
    this.maxBatch = opts.maxBatch ?? 5000;
    this.maxPending = opts.maxPending ?? 20_000;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get pendingLines(): number {
    return this.live;
  }

  pushLines(lines: readonly LogLine[]): void {
    for (const line of lines) {
      const key = line.replaceKey === undefined ? undefined : `${line.jobId ?? ''}\u0000${line.replaceKey}`;
      const at = key === undefined ? undefined : this.keyIndex.get(key);
      // A newer progress line replaces the waiting one: the panel only ever needs the latest.
      if (at !== undefined && this.pending[at] !== null) {
        this.pending[at] = line;
        continue;
      }
      if (key !== undefined) this.keyIndex.set(key, this.pending.length);
      this.pending.push(line);
      this.live++;
    }
    // Shed down to 3/4 of the cap, not to the cap: a sustained flood then sheds once per many pushes, not on every push.
    if (this.live > this.maxPending) this.shed(this.live - Math.floor(this.maxPending * 0.75));
    this.schedule();
  }

  /** Counts lines shed upstream (the host) so the next batch reports them with ours. */
  noteDropped(count: number): void {
    this.dropped += count;
    this.schedule();
  }

  pushJob(job: JobInfo): void {
    this.jobs.set(job.id, job);
    this.schedule();
  }

  /** Sends everything waiting now (used before a late panel's snapshot so nothing is sent twice). */
  flushAll(): void {
    while (this.live > 0 || this.jobs.size > 0 || this.dropped > 0) this.flushOnce();
  }

  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - Date.now());
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.flushOnce();
      if (this.live > 0 || this.jobs.size > 0 || this.dropped > 0) this.schedule();
    }, wait);
  }

  private flushOnce(): void {
    this.lastFlush = Date.now();
    const lines: LogLine[] = [];
    let i = 0;
    for (; i < this.pending.length && lines.length < this.maxBatch; i++) {
      const l = this.pending[i];
      if (l) lines.push(l);
    }
    this.pending = this.pending.slice(i);
    this.live -= lines.length;
    this.reindex();
    const batch: FanoutBatch = { lines, dropped: this.dropped, jobs: [...this.jobs.values()] };
    this.dropped = 0;
    this.jobs.clear();
    if (batch.lines.length > 0 || batch.dropped > 0 || batch.jobs.length > 0) this.sink(batch);
  }

  /** Sheds `n` waiting lines: debug lines first (oldest first), then the oldest of any level. */
  private shed(n: number): void {
    let left = n;
    for (const level of ['debug', null] as const) {
      for (let i = 0; i < this.pending.length && left > 0; i++) {
        const l = this.pending[i];
        if (l && (level === null || l.level === level)) {
          this.pending[i] = null;
          left--;
        }
      }
    }
    const shed = n - left;
    this.live -= shed;
    this.dropped += shed;
    this.pending = this.pending.filter((l) => l !== null);
    this.reindex();
  }

  private reindex(): void {
    this.keyIndex.clear();
    this.pending.forEach((l, i) => {
      if (l?.replaceKey !== undefined) this.keyIndex.set(`${l.jobId ?? ''}\u0000${l.replaceKey}`, i);
    });
  }
}
