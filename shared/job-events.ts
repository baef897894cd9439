/**
 * The one reading of job events: what a job looks like after an event, given what was known before.
 * The background's job store (popup, track view) and the DevTools relay both fold host events with it.
 */
import type { Event, JobInfo } from './protocol/index.js';

export type JobEvent = Extract<Event, { event: 'job.state' | 'job.progress' | 'job.done' | 'job.failed' }>;

export function isJobEvent(e: Event): e is JobEvent {
  return e.event === 'job.state' || e.event === 'job.progress' || e.event === 'job.done' || e.event === 'job.failed';
}

/** The job after `e`; null for progress of a job never heard of (another client: jobs.list catches up). */
export function applyJobEvent(known: JobInfo | undefined, e: JobEvent): JobInfo | null {
  switch (e.event) {
    case 'job.state':
      return { ...known, ...e.job };
    case 'job.progress':
      if (!known) return null;
      // A progress event means it runs, even if its job.state 'running' has not arrived yet.
      return { ...known, status: known.status === 'queued' ? 'running' : known.status, progress: e.progress };
    case 'job.done':
      return { ...e.job, status: 'done', path: e.path };
    case 'job.failed':
      return { ...e.job, status: e.job.status === 'cancelled' ? 'cancelled' : 'failed', error: e.error };
  }
}

/** The id an event is about. */
export function jobIdOf(e: JobEvent): string {
  return e.event === 'job.state' ? e.job.id : e.jobId;
}
