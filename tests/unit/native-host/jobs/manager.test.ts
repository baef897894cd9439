import { describe, expect, it } from 'vitest';
import type { Event } from '../../../../shared/protocol/index.js';
import { NexError } from '../../../../shared/errors.js';
import { JobManager, type JobRunner } from '../../../../native-host/jobs/manager.js';
import { transition } from '../../../../native-host/jobs/state.js';
import { fakeDownload } from '../fakes.js';

const spec = (n: number) => ({ url: `https://example.com/${n}`, preset: 'mp3-320' as const, outDir: '/tmp/x' });
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup(run: JobRunner = fakeDownload(60), concurrency = 2) {
  const events: Event[] = [];
  let active = 0;
  let peak = 0;
  const tracked: JobRunner = async (s, hooks) => {
    active++;
    peak = Math.max(peak, active);
    try {
      return await run(s, hooks);
    } finally {
      active--;
    }
  };
  const m = new JobManager({ run: tracked, emit: (e) => events.push(e), concurrency: () => concurrency });
  return { m, events, peak: () => peak, active: () => active };
}

describe('JobManager', () => {
  it('runs at most `concurrency` jobs at once and finishes them all', async () => {
    const { m, events, peak } = setup(fakeDownload(30), 2);
    const ids = [1, 2, 3, 4, 5].map((n) => m.submit(spec(n)).id);
    expect(m.list().filter((j) => j.status === 'running')).toHaveLength(2);
    await m.idle();
    expect(peak()).toBe(2);
    expect(m.list().map((j) => j.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    const done = events.filter((e) => e.event === 'job.done').map((e) => (e as { jobId: string }).jobId);
    expect(done.sort()).toEqual([...ids].sort());
  });

  it('throttles progress to about 5 per second per job', async () => {
    const { m, events } = setup(fakeDownload(450), 1);
    m.submit(spec(1));
    await m.idle();
    const progress = events.filter((e) => e.event === 'job.progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(4);
    const last = events.findIndex((e) => e.event === 'job.done');
    expect(events.slice(last + 1).filter((e) => e.event === 'job.progress')).toEqual([]);
  });

  it('cancels a running job through its AbortSignal and a queued job at once', async () => {
    const { m, events } = setup(fakeDownload(5000), 1);
    const a = m.submit(spec(1));
    const b = m.submit(spec(2));
    expect(m.cancel(b.id)).toBe(true);
    expect(m.get(b.id)!.status).toBe('cancelled');
    expect(m.cancel(a.id)).toBe(true);
    await m.idle();
    expect(m.get(a.id)!.status).toBe('cancelled');
    expect(m.cancel(a.id)).toBe(false);
    expect(events.some((e) => e.event === 'job.failed')).toBe(false);
    expect(() => m.cancel('missing')).toThrow(NexError);
  });

  it('reports failures as job.failed with the error code', async () => {
    const { m, events } = setup(fakeDownload(10, new NexError('media.no_audio', 'no audio stream')), 1);
    const j = m.submit(spec(1));
    await m.idle();
    expect(m.get(j.id)).toMatchObject({ status: 'failed', error: { code: 'media.no_audio' } });
    expect(events.find((e) => e.event === 'job.failed')).toMatchObject({ jobId: j.id, error: { code: 'media.no_audio' } });
  });

  it('on shutdown cancels running and queued jobs and waits for their cleanup', async () => {
    let cleaned = 0;
    const slowCleanup: JobRunner = (s, hooks) =>
      fakeDownload(10_000)(s, hooks).catch(async (e) => {
        await tick(50); // the pipeline removing its .part file
        cleaned++;
        throw e;
      });
    const { m, active } = setup(slowCleanup, 2);
    for (let n = 0; n < 4; n++) m.submit(spec(n));
    expect(await m.shutdown(2000)).toBe(true);
    expect(cleaned).toBe(2);
    expect(active()).toBe(0);
    expect(m.list().every((j) => j.status === 'cancelled')).toBe(true);
    expect(() => m.submit(spec(9))).toThrow(/shutting down/);
  });

  it('gives up waiting after the bound when a job ignores its signal', async () => {
    const { m } = setup(() => new Promise(() => {}), 1);
    m.submit(spec(1));
    const t0 = Date.now();
    expect(await m.shutdown(100)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('follows the state machine', () => {
    const j = { id: 'x', kind: 'download' as const, status: 'queued' as const, url: 'u', createdAt: 0 };
    expect(transition(j, 'running', 5)).toMatchObject({ status: 'running', startedAt: 5 });
    expect(() => transition(j, 'done', 5)).toThrow();
    expect(() => transition({ ...j, status: 'done' }, 'running', 5)).toThrow();
  });
});

describe('JobManager limits', () => {
  it('refuses to queue beyond maxQueued and starts more jobs when concurrency rises', async () => {
    let limit = 1;
    const m = new JobManager({ run: fakeDownload(5000), emit: () => {}, concurrency: () => limit, maxQueued: 2 });
    m.submit(spec(1));
    m.submit(spec(2));
    m.submit(spec(3));
    expect(() => m.submit(spec(4))).toThrow(expect.objectContaining({ code: 'job.queue_full' }));
    limit = 3;
    m.reschedule();
    expect(m.list().filter((j) => j.status === 'running')).toHaveLength(3);
    await m.shutdown(1000);
  });
});
