/** Job state kept from host events, so a reopened popup shows the live job. */
import { applyJobEvent, isJobEvent, jobIdOf } from '../../shared/job-events.js';
import type { Event, JobInfo } from '../../shared/protocol/index.js';

const ACTIVE = new Set(['queued', 'running']);

export class JobStore {
  private readonly jobs = new Map<string, JobInfo>();
  /** Finished jobs the user closed in the popup: kept for the DevTools panel, no longer shown per page. */
  private readonly dismissed = new Set<string>();
  private readonly listeners = new Set<(job: JobInfo, event: Event['event'] | 'sync') => void>();

  get(id: string): JobInfo | undefined {
    return this.jobs.get(id);
  }

  /** Newest job for any of these URLs (a page reopened after navigating away finds its job again). */
  latestFor(urls: readonly string[]): JobInfo | undefined {
    const set = new Set(urls);
    return [...this.jobs.values()].filter((j) => set.has(j.url) && !this.dismissed.has(j.id)).sort((a, b) => b.createdAt - a.createdAt)[0];
  }

  dismiss(id: string): void {
    this.dismissed.add(id);
  }

  hasActive(): boolean {
    return [...this.jobs.values()].some((j) => ACTIVE.has(j.status));
  }

  /** Records a job the moment the host accepted it (before its first event). */
  upsert(job: JobInfo): void {
    this.jobs.set(job.id, job);
    this.emit(job, 'sync');
  }

  apply(e: Event): void {
    if (!isJobEvent(e)) return;
    const next = applyJobEvent(this.jobs.get(jobIdOf(e)), e);
    if (next) this.set(next, e.event);
  }

  /** Replaces our view with the host's list (after a reconnect); jobs the new host does not know ended with it. */
  sync(list: readonly JobInfo[]): void {
    const known = new Set(list.map((j) => j.id));
    for (const j of list) this.set(j, 'sync');
    for (const j of [...this.jobs.values()]) {
      if (!known.has(j.id) && ACTIVE.has(j.status)) {
        this.set({ ...j, status: 'failed', error: { code: 'host.disconnected', message: 'The host stopped while this job ran.' } }, 'sync');
      }
    }
  }

  onChange(listener: (job: JobInfo, event: Event['event'] | 'sync') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(job: JobInfo, event: Event['event'] | 'sync'): void {
    this.jobs.set(job.id, job);
    this.emit(job, event);
  }

  private emit(job: JobInfo, event: Event['event'] | 'sync'): void {
    for (const l of this.listeners) l(job, event);
  }
}
