/** The job lifecycle as data: which status may follow which. Terminal states never change again. */
import type { JobInfo, JobStatus } from '../../shared/protocol/index.js';

const NEXT: Record<JobStatus, readonly JobStatus[]> = {
  queued: ['running', 'cancelled'],
  running: ['done', 'failed', 'cancelled'],
  done: [],
  failed: [],
  cancelled: [],
};

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return NEXT[from].includes(to);
}

export function isTerminal(s: JobStatus): boolean {
  return NEXT[s].length === 0;
}

/** Returns the updated job, or throws on an impossible move (a bug, not an input error). */
export function transition(job: JobInfo, to: JobStatus, now: number): JobInfo {
  if (!canTransition(job.status, to)) throw new Error(`job ${job.id}: ${job.status} -> ${to} is not allowed`);
  const next: JobInfo = { ...job, status: to };
  if (to === 'running') next.startedAt = now;
  if (isTerminal(to)) next.finishedAt = now;
  return next;
}
