/** JobManager.stop: a live recording's Stop (keep the file) apart from cancel (keep nothing); and the `stop` handler. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NexError } from '../../../../shared/errors.js';
import type { Event } from '../../../../shared/protocol/index.js';
import { JobManager, type JobRunner } from '../../../../native-host/jobs/manager.js';
import { dispatch } from '../../../../native-host/handlers/dispatch.js';
import { handlers } from '../../../../native-host/handlers/index.js';
import { fakeContext, fakeDownload, fakeMediaApi, tempHome } from '../fakes.js';

/** A recording: runs until Stop (resolves with a file) or abort (rejects). */
const recorder: JobRunner = (spec, hooks) =>
  new Promise((resolve, reject) => {
    const keep = () => resolve({ path: path.join(spec.outDir, 'rec.mp4'), bytes: 7 });
    // Stop may come while the service is still probing, before the recorder listens.
    if (hooks.stop?.aborted) keep();
    hooks.stop?.addEventListener('abort', keep);
    hooks.signal.addEventListener('abort', () => reject(new NexError('job.cancelled', 'cancelled')));
  });
const live = { url: 'https://example.com/live', preset: 'best' as const, outDir: '/tmp/x', live: true };
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('JobManager.stop', () => {
  it('stops a running recording: done with its file; a repeat answers false', async () => {
    const events: Event[] = [];
    const m = new JobManager({ run: recorder, emit: (e) => events.push(e) });
    const job = m.submit(live);
    expect(job.live).toBe(true);
    expect(m.stop(job.id)).toBe(true);
    expect(m.stop(job.id)).toBe(false);
    await m.idle();
    expect(m.get(job.id)).toMatchObject({ status: 'done', path: '/tmp/x/rec.mp4', live: true });
    expect(events.some((e) => e.event === 'job.done')).toBe(true);
    expect(m.stop(job.id)).toBe(false);
  });

  it('cancel of a recording keeps nothing (cancelled), and a Stop that found nothing recorded ends cancelled too', async () => {
    const m = new JobManager({ run: recorder, emit: () => undefined });
    const a = m.submit(live);
    m.cancel(a.id);
    await m.idle();
    expect(m.get(a.id)?.status).toBe('cancelled');
    const empty = new JobManager({ run: (_s, hooks) => new Promise((_r, reject) => hooks.stop?.addEventListener('abort', () => reject(new NexError('job.cancelled', 'nothing recorded')))), emit: () => undefined });
    const b = empty.submit(live);
    empty.stop(b.id);
    await empty.idle();
    expect(empty.get(b.id)?.status).toBe('cancelled');
  });

  it('a queued recording is just cancelled; a plain download cannot be stopped; an unknown id is job.not_found', async () => {
    const m = new JobManager({ run: recorder, emit: () => undefined, concurrency: () => 1 });
    const first = m.submit(live);
    const queued = m.submit(live);
    expect(m.stop(queued.id)).toBe(true);
    expect(m.get(queued.id)?.status).toBe('cancelled');
    m.stop(first.id);
    await m.idle();
    const plain = new JobManager({ run: fakeDownload(30), emit: () => undefined });
    const d = plain.submit({ ...live, live: false });
    expect(() => plain.stop(d.id)).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => plain.stop('nope')).toThrow(expect.objectContaining({ code: 'job.not_found' }));
    await plain.idle();
  });
});

describe('stop request', () => {
  let cleanup = () => undefined as void;
  afterEach(() => cleanup());
  it('download live:true then stop: {stopped: true}, and the job carries live: true', async () => {
    const t = tempHome();
    cleanup = t.cleanup;
    const ctx = fakeContext(t.env, fakeMediaApi({ download: (spec, _tools, hooks) => recorder(spec, hooks as Parameters<JobRunner>[1]) }));
    const res = await dispatch({ id: '1', type: 'download', url: 'https://example.com/live', preset: 'best', live: true }, handlers, ctx);
    const jobId = (res as { result: { jobId: string } }).result.jobId;
    for (let i = 0; i < 100 && ctx.jobs.get(jobId)?.status !== 'running'; i++) await tick();
    expect(ctx.jobs.get(jobId)?.live).toBe(true);
    expect(await dispatch({ id: '2', type: 'stop', jobId }, handlers, ctx)).toMatchObject({ ok: true, result: { stopped: true } });
    await ctx.jobs.idle();
    expect(ctx.jobs.get(jobId)?.status).toBe('done');
    await ctx.close();
  });
});
