import type { LogLine } from '../../shared/protocol/index.js';
import { collapseCarriageReturns } from './carriage-return.js';
import { redact } from '../../shared/redact.js';
import { JobRings } from '../../shared/job-rings.js';
import { RingBuffer } from '../../shared/ring-buffer.js';

/** A stored line: `seq` orders lines across buffers; `dropped` marks an "N lines dropped" summary line. */
export type StoredLine = LogLine & { seq: number; dropped?: number };

export interface LogStoreOptions {
  /** Lines kept per job. Default 5,000. */
  perJob?: number;
  /** Lines kept that belong to no job. Default 5,000. */
  global?: number;
  /** Jobs kept; the oldest job's lines go first. Default 100. */
  maxJobs?: number;
}

const GLOBAL = '\u0000global';

/**
 * Bounded log memory shared by the background relay and the panel: a ring per job plus one for
 * job-less lines, carriage-return progress collapsed into one updating line, secrets redacted on the way in.
 */
export class LogStore {
  readonly perJob: number;
  readonly maxJobs: number;
  private readonly global: RingBuffer<StoredLine>;
  private readonly jobs: JobRings<StoredLine>;
  private byReplaceKey = new Map<string, StoredLine>();
  /** The open drop marker per buffer; closed as soon as a real line follows it. */
  private markers = new Map<string, StoredLine>();
  private trimmed = new Map<string, number>();
  private seq = 0;
  private cache: { version: number; jobId: string | null | undefined; lines: StoredLine[] } | null = null;
  /** Bumped on every change, in-place updates included: a cheap "did anything change" for renderers. */
  version = 0;
  /** Lines announced as dropped (by the host or the relay), for stats and tests. */
  droppedTotal = 0;

  constructor(opts: LogStoreOptions = {}) {
    this.perJob = opts.perJob ?? 5000;
    this.maxJobs = opts.maxJobs ?? 100;
    this.global = new RingBuffer(opts.global ?? 5000);
    this.jobs = new JobRings(this.perJob, this.maxJobs, (jobId, lines) => {
      for (const l of lines) this.forget(jobId, l);
      this.markers.delete(jobId);
      this.trimmed.delete(jobId);
    });
  }

  /** Stores one line; returns the stored entry (an existing one when it was a replacement). */
  add(raw: LogLine & { dropped?: number }): StoredLine {
    const line = collapseCarriageReturns(raw);
    const text = redact(line.text);
    const bucket = line.jobId ?? GLOBAL;
    this.version++;
    if (raw.dropped === undefined) this.markers.delete(bucket);
    if (line.replaceKey !== undefined) {
      const existing = this.byReplaceKey.get(this.keyOf(bucket, line.replaceKey));
      if (existing) {
        existing.text = text;
        existing.t = line.t;
        existing.level = line.level;
        return existing;
      }
    }
    const stored: StoredLine = { ...line, text, seq: ++this.seq };
    if (raw.dropped !== undefined) stored.dropped = raw.dropped;
    const evicted = line.jobId == null ? this.global.push(stored) : this.jobs.push(line.jobId, stored);
    if (evicted) this.forget(bucket, evicted);
    if (stored.replaceKey !== undefined) this.byReplaceKey.set(this.keyOf(bucket, stored.replaceKey), stored);
    return stored;
  }

  addMany(lines: readonly (LogLine & { dropped?: number })[]): void {
    for (const l of lines) this.add(l);
  }

  /**
   * Records that `count` lines were shed upstream. Consecutive reports merge into one marker line,
   * so a long flood shows "12,345 lines dropped" once rather than a marker per batch.
   */
  noteDropped(count: number, jobId: string | null = null, why = 'under pressure'): void {
    if (count <= 0) return;
    this.droppedTotal += count;
    const bucket = jobId ?? GLOBAL;
    const open = this.markers.get(bucket);
    if (open && open.dropped !== undefined) {
      open.dropped += count;
      open.text = dropText(open.dropped, why);
      open.t = Date.now();
      this.version++;
      return;
    }
    const marker = this.add({ t: Date.now(), jobId, source: 'host', level: 'warn', text: dropText(count, why), dropped: count });
    this.markers.set(bucket, marker);
  }

  /** Lines in arrival order; `jobId` limits them to one job (null: job-less lines only). Cached per version. */
  lines(jobId?: string | null): StoredLine[] {
    if (this.cache && this.cache.version === this.version && this.cache.jobId === jobId) return this.cache.lines;
    let lines: StoredLine[];
    if (jobId !== undefined) lines = jobId === null ? this.global.toArray() : this.jobs.items(jobId);
    else {
      lines = this.global.toArray();
      for (const id of this.jobs.jobIds()) for (const l of this.jobs.items(id)) lines.push(l);
      // Each ring is already sorted: TimSort merges the runs in about O(n log k).
      lines.sort((a, b) => a.seq - b.seq);
    }
    this.cache = { version: this.version, jobId, lines };
    return lines;
  }

  get size(): number {
    return this.global.size + this.jobs.size;
  }

  /** Lines of `jobId` that fell out of its ring (kept only the last `perJob`). */
  trimmedCount(jobId: string | null): number {
    return this.trimmed.get(jobId ?? GLOBAL) ?? 0;
  }

  jobIds(): string[] {
    return this.jobs.jobIds();
  }

  clear(): void {
    this.global.clear();
    this.jobs.clear();
    this.byReplaceKey.clear();
    this.markers.clear();
    this.trimmed.clear();
    this.version++;
  }

  private forget(bucket: string, line: StoredLine): void {
    this.trimmed.set(bucket, (this.trimmed.get(bucket) ?? 0) + 1);
    if (line.replaceKey === undefined) return;
    const key = this.keyOf(bucket, line.replaceKey);
    if (this.byReplaceKey.get(key) === line) this.byReplaceKey.delete(key);
  }

  private keyOf(bucket: string, replaceKey: string): string {
    return `${bucket}\u0000${replaceKey}`;
  }
}

function dropText(count: number, why: string): string {
  return `… ${count.toLocaleString('en-US')} line${count === 1 ? '' : 's'} dropped ${why}`;
}
