/** Bounded per-job history for logs.tail: the last N lines per job, the last M jobs, and the last lines overall. */
import { JobRings } from '../../shared/job-rings.js';
import type { LogLine } from '../../shared/protocol/index.js';
import { RingBuffer } from '../../shared/ring-buffer.js';

export class LogRing {
  private readonly all: RingBuffer<LogLine>;
  private readonly byJob: JobRings<LogLine>;

  constructor(
    private readonly perJob = 1000,
    private readonly total = 2000,
    maxJobs = 50,
  ) {
    this.all = new RingBuffer(total);
    this.byJob = new JobRings(perJob, maxJobs);
  }

  add(line: LogLine): void {
    this.all.push(line);
    if (line.jobId !== null) this.byJob.push(line.jobId, line);
  }

  tail(jobId: string | undefined, limit: number): LogLine[] {
    const src = jobId === undefined ? this.all.toArray() : this.byJob.items(jobId);
    const cap = jobId === undefined ? this.total : this.perJob;
    return src.slice(Math.max(0, src.length - Math.min(limit, cap)));
  }
}
