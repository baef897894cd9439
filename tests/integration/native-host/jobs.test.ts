/** Real probe, download, cancel and disconnect through the built host with real yt-dlp and ffmpeg. */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostMessage, ProbeResult } from '../../../shared/protocol/index.js';
import { buildHost, startHost, type HostProc } from './host-process.js';
import { processesMentioning, startMediaEnv, waitUntil, type MediaEnv } from './media-env.js';

let built: Awaited<ReturnType<typeof buildHost>>;
let media: MediaEnv;
let out: string;
const procs: HostProc[] = [];
beforeAll(async () => {
  [built, media] = await Promise.all([buildHost(), startMediaEnv(6)]);
  out = mkdtempSync(path.join(os.tmpdir(), 'nexstream-out-'));
});
afterAll(async () => {
  for (const p of procs) p.cleanup();
  built?.dispose();
  await media?.close();
  rmSync(out, { recursive: true, force: true });
});
const start = () => {
  const p = startHost(built.entry, { NEXSTREAM_DOWNLOAD_DIR: out });
  procs.push(p);
  return p;
};
const jobEvent = (jobId: string, event: string) => (m: Record<string, unknown>) => m.event === event && m.jobId === jobId;
const stateEvent = (jobId: string, status: string) => (m: Record<string, unknown>) =>
  m.event === 'job.state' && (m.job as { id: string; status: string }).id === jobId && (m.job as { status: string }).status === status;
const partsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.includes('.part')) : []);

describe('jobs through the host', () => {
  it('probes, downloads with progress and finishes with a file (every message valid)', async () => {
    const h = start();
    const url = `${media.server.url}direct.mp4`;
    h.send({ id: 'p', type: 'probe', url });
    const probe = await h.reply('p', 30_000);
    expect(probe.ok).toBe(true);
    expect(ProbeResult.parse(probe.result).durationSec).toBeCloseTo(6, 0);

    const dir = path.join(out, 'ok');
    h.send({ id: 'd', type: 'download', url, preset: 'mp3-192', outDir: dir });
    const jobId = ((await h.reply('d')).result as { jobId: string }).jobId;
    const done = await h.waitFor(jobEvent(jobId, 'job.done'), 60_000);
    expect(existsSync(done.path as string)).toBe(true);
    expect(partsIn(dir)).toEqual([]);
    expect(h.messages.some(stateEvent(jobId, 'running'))).toBe(true);
    h.send({ id: 'l', type: 'jobs.list' });
    expect(await h.reply('l')).toMatchObject({ result: { jobs: [{ id: jobId, status: 'done', path: done.path }] } });
    h.send({ id: 'logs', type: 'logs.tail', jobId });
    expect(((await h.reply('logs')).result as { lines: unknown[] }).lines.length).toBeGreaterThan(0);
    for (const m of h.messages) expect(HostMessage.safeParse(m).success, JSON.stringify(m).slice(0, 200)).toBe(true);
    h.child.stdin.end();
    expect((await h.exited).code).toBe(0);
  });

  it('cancel kills the job and leaves no file behind', async () => {
    const h = start();
    const dir = path.join(out, 'cancel');
    const url = `${media.server.url}direct.mp4?throttle=40000`;
    h.send({ id: 'd', type: 'download', url, preset: 'mp4-360', outDir: dir });
    const jobId = ((await h.reply('d')).result as { jobId: string }).jobId;
    await h.waitFor(stateEvent(jobId, 'running'));
    await new Promise((r) => setTimeout(r, 1500));
    h.send({ id: 'c', type: 'cancel', jobId });
    expect(await h.reply('c')).toMatchObject({ ok: true, result: { cancelled: true } });
    await h.waitFor(stateEvent(jobId, 'cancelled'), 15_000);
    expect(await waitUntil(() => processesMentioning('throttle=40000').length === 0)).toBe(true);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    h.send({ id: 'after', type: 'ping' });
    expect(await h.reply('after')).toMatchObject({ ok: true });
    h.child.stdin.end();
    await h.exited;
  });

  it('on browser disconnect cancels running and queued jobs, cleans up and exits in bounded time', async () => {
    const h = start();
    const dir = path.join(out, 'disconnect');
    const url = `${media.server.url}direct.mp4?throttle=30000`;
    for (const id of ['a', 'b', 'c']) h.send({ id, type: 'download', url, preset: 'mp4-360', outDir: dir });
    for (const id of ['a', 'b', 'c']) await h.reply(id);
    await h.waitFor((m) => m.event === 'job.state' && (m.job as { status: string }).status === 'running');
    await new Promise((r) => setTimeout(r, 1500));
    h.child.stdin.end();
    const { code, ms } = await h.exited;
    // On a failure, the host's own last words say which job did not stop.
    const lastLog = code === 0 ? [] : h.messages.filter((m) => m.event === 'log').slice(-25);
    expect({ code, lastLog, stderr: code === 0 ? '' : h.stderr().slice(-2000) }).toEqual({ code: 0, lastLog: [], stderr: '' });
    expect(ms).toBeLessThan(10_000);
    expect(await waitUntil(() => processesMentioning('throttle=30000').length === 0)).toBe(true);
    // Nothing finished (the source is throttled to ~50 s) and nothing partial remains.
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});
