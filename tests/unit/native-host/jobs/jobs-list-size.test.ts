/** jobs.list never outgrows a frame, and finished jobs stay within a byte budget, with hundreds of big failed jobs. */
import { describe, expect, it } from 'vitest';
import { NexError } from '../../../../shared/errors.js';
import { MAX_OUTBOUND_FRAME_BYTES, Response, type JobInfo } from '../../../../shared/protocol/index.js';
import { dispatch } from '../../../../native-host/handlers/dispatch.js';
import { handlers } from '../../../../native-host/handlers/index.js';
import { JobManager } from '../../../../native-host/jobs/manager.js';
import { jobBytes, pageJobs } from '../../../../native-host/jobs/list-page.js';
import { encodeFrame } from '../../../../native-host/transport/frame-encoder.js';
import { fakeContext, tempHome } from '../fakes.js';

// What a real ffmpeg failure carries: a long URL and a 30-line stderr tail (as in the 1.3 MB / 80 jobs report).
const failing = async (): Promise<never> => {
  throw new NexError('media.ffmpeg_exit', `ffmpeg failed: ${'x'.repeat(5000)}`, { exitCode: 1, stderrTail: 'frame=  201 fps= 13 q=-1.0 size= 1792kB time=00:00:08.01\n'.repeat(300) });
};
const longUrl = (n: number) => `https://cdn.example.com/${n}/${'a'.repeat(7900)}`;

describe('jobs.list with hundreds of finished jobs', () => {
  it('every page fits a frame, the pages cover every job, and the kept jobs fit the byte budget', async () => {
    const home = tempHome();
    const ctx = fakeContext(home.env);
    const jobs = new JobManager({ run: failing, emit: () => undefined, concurrency: () => 8 });
    for (let i = 0; i < 400; i++) {
      jobs.submit({ url: longUrl(i), preset: 'best', outDir: '/tmp/x', title: `t${i}`.repeat(100) });
      if (i % 50 === 49) await jobs.idle();
    }
    await jobs.idle();
    const all = jobs.list();
    const kept = all.reduce((n, j) => n + jobBytes(j), 0);
    expect(kept).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(all.length).toBeGreaterThan(50);
    expect(all.every((j) => j.status === 'failed' && JSON.stringify(j.error).length < 7000)).toBe(true);

    const c = { ...ctx, jobs };
    const seen = new Set<string>();
    let offset: number | null = 0;
    let biggest = 0;
    let pages = 0;
    while (offset !== null) {
      const res = Response.parse(await dispatch({ id: `l${pages}`, type: 'jobs.list', offset }, handlers, c));
      biggest = Math.max(biggest, encodeFrame(JSON.stringify(res)).length);
      const r = (res as { result: { jobs: JobInfo[]; total: number; nextOffset: number | null } }).result;
      r.jobs.forEach((j) => seen.add(j.id));
      expect(r.total).toBe(all.length);
      offset = r.nextOffset;
      pages++;
    }
    expect(seen.size).toBe(all.length);
    expect(biggest).toBeLessThan(MAX_OUTBOUND_FRAME_BYTES);
    console.log(`400 failed jobs: kept ${all.length} (${kept} B); ${pages} pages, biggest reply ${biggest} B`);
    home.cleanup();
  });

  it('orders active jobs first, then finished newest first, and honours limit', () => {
    const j = (id: string, status: JobInfo['status'], finishedAt?: number): JobInfo => ({ id, kind: 'download', status, url: 'u', createdAt: 0, ...(finishedAt ? { finishedAt } : {}) });
    const page = pageJobs([j('a', 'done', 1), j('b', 'running'), j('c', 'failed', 3), j('d', 'queued')], { limit: 3 });
    expect(page.jobs.map((x) => x.id)).toEqual(['b', 'd', 'c']);
    expect(page).toMatchObject({ total: 4, nextOffset: 3 });
    expect(pageJobs([j('a', 'done', 1)], { offset: 1 })).toEqual({ jobs: [], total: 1, nextOffset: null });
  });
});
