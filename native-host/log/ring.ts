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
    return src.slice(Math.max(0, src.length - limit));
  }
}

function push(arr: LogLine[], line: LogLine, cap: number): void {
  arr.push(line);
  if (arr.length > cap) arr.splice(0, arr.length - cap);
}
