/** Bounded per-job history for logs.tail: the last N lines per job, and the last M jobs. */
import type { LogLine } from '../../shared/protocol/index.js';

export class LogRing {
  private readonly all: LogLine[] = [];
  private readonly byJob = new Map<string, LogLine[]>();

  constructor(
    private readonly perJob = 1000,
    private readonly total = 2000,
    private readonly maxJobs = 50,
  ) {}

  add(line: LogLine): void {
    push(this.all, line, this.total);
    if (line.jobId === null) return;
    let ring = this.byJob.get(line.jobId);
    if (!ring) {
      ring = [];
      this.byJob.set(line.jobId, ring);
      // Maps iterate in insertion order: the first key is the oldest job.
      if (this.byJob.size > this.maxJobs) this.byJob.delete(this.byJob.keys().next().value as string);
    }
    push(ring, line, this.perJob);
  }

  tail(jobId: string | undefined, limit: number): LogLine[] {
    const src = jobId === undefined ? this.all : (this.byJob.get(jobId) ?? []);
    const cap = jobId === undefined ? this.total : this.perJob;
    return src.slice(Math.max(0, src.length - Math.min(limit, cap)));
  }
}

/**
 * Appends and trims in bulk once the array holds twice the cap: splicing one line off the front
 * on every push moved the whole array each time (about 15 µs a line in a 100,000-line flood).
 */
function push(arr: LogLine[], line: LogLine, cap: number): void {
  arr.push(line);
  if (arr.length >= cap * 2) arr.splice(0, arr.length - cap);
}
