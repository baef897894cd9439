import { describe, expect, it } from 'vitest';
import { applyJobEvent, isJobEvent, jobIdOf } from '../../../shared/job-events.js';
import type { JobInfo } from '../../../shared/protocol/index.js';

const job: JobInfo = { id: 'j1', kind: 'download', status: 'queued', url: 'https://x/v', preset: 'best', createdAt: 1 };

describe('applyJobEvent', () => {
  it('merges a state event into what was known', () => {
    const known = { ...job, progress: { percent: 10 } } as JobInfo;
    expect(applyJobEvent(known, { kind: 'event', event: 'job.state', job: { ...job, status: 'running' } })).toEqual({ ...known, status: 'running' });
  });

  it('progress of a queued job means it runs; progress of an unknown job is ignored', () => {
    const progress = { percent: 50, speed: null, etaSec: null };
    expect(applyJobEvent(job, { kind: 'event', event: 'job.progress', jobId: 'j1', progress })).toMatchObject({ status: 'running', progress });
    expect(applyJobEvent(undefined, { kind: 'event', event: 'job.progress', jobId: 'j1', progress })).toBeNull();
  });

  it('done carries the path, failed keeps cancelled apart', () => {
    expect(applyJobEvent(job, { kind: 'event', event: 'job.done', jobId: 'j1', path: '/d/a.mp4', job })).toMatchObject({ status: 'done', path: '/d/a.mp4' });
    const error = { code: 'media.ffmpeg_exit', message: 'x' } as const;
    expect(applyJobEvent(job, { kind: 'event', event: 'job.failed', jobId: 'j1', error, job })).toMatchObject({ status: 'failed', error });
    expect(applyJobEvent(job, { kind: 'event', event: 'job.failed', jobId: 'j1', error, job: { ...job, status: 'cancelled' } })).toMatchObject({ status: 'cancelled' });
  });

  it('tells job events from others and names their job', () => {
    expect(isJobEvent({ kind: 'event', event: 'log', lines: [], dropped: 0 })).toBe(false);
    expect(jobIdOf({ kind: 'event', event: 'job.state', job })).toBe('j1');
    expect(jobIdOf({ kind: 'event', event: 'job.progress', jobId: 'j2', progress: { percent: 1, speed: null, etaSec: null } })).toBe('j2');
  });
});
