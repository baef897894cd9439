/**
 * Bounded per-job history: the last `perJob` items of each job, for the last `maxJobs` jobs. The one
 * home of per-job log rings, used by the host's logs.tail memory and the extension's log store.
 */
import { RingBuffer } from './ring-buffer.js';

export class JobRings<T> {
  private readonly rings = new Map<string, RingBuffer<T>>();

  /** `onEvictJob` gets a job's items when the job falls out (the oldest job goes first). */
  constructor(
    readonly perJob: number,
    readonly maxJobs: number,
    private readonly onEvictJob: (jobId: string, items: T[]) => void = () => undefined,
  ) {}

  /** Appends `item` to the job's ring; returns the item it pushed out of a full ring. */
  push(jobId: string, item: T): T | undefined {
    let ring = this.rings.get(jobId);
    if (!ring) {
      ring = new RingBuffer<T>(this.perJob);
      this.rings.set(jobId, ring);
      // Maps iterate in insertion order: the first key is the oldest job.
      while (this.rings.size > this.maxJobs) {
        const [oldest, old] = this.rings.entries().next().value as [string, RingBuffer<T>];
        this.rings.delete(oldest);
        this.onEvictJob(oldest, old.toArray());
      }
    }
    return ring.push(item);
  }

  /** The job's items, oldest first (empty for a job not kept). */
  items(jobId: string): T[] {
    return this.rings.get(jobId)?.toArray() ?? [];
  }

  /** Jobs kept, oldest first. */
  jobIds(): string[] {
    return [...this.rings.keys()];
  }

  get size(): number {
    let n = 0;
    for (const ring of this.rings.values()) n += ring.size;
    return n;
  }

  clear(): void {
    this.rings.clear();
  }
}
