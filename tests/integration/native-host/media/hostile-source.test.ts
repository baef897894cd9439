/**
 * Downloads are complete or they fail: real yt-dlp and ffmpeg, through the built CLI and host, against a
 * server that cuts, lies, stalls, never ends or drips its headers (tests/fixtures/hostile-media-server.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../../fixtures/hostile-media-server.js';
import { buildHost, startHost, type HostProc } from '../host-process.js';

const CLIP_SEC = 20;
const STALL_SEC = 4;
let built: Awaited<ReturnType<typeof buildHost>>;
let srv: HostileServer;
/** The exact case: headers and 1000 bytes, then silence (the probe's own ffprobe stalls too). */
let tiny: HostileServer;
let media: string;
let home: string;
const procs: HostProc[] = [];

beforeAll(async () => {
  media = mkdtempSync(path.join(os.tmpdir(), 'nexstream-hostile-'));
  home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-hostile-home-'));
  // A faststart MP4 (moov first, as CDNs serve): the probe reads its head, the download needs the rest.
  const make = execa('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=25:duration=${CLIP_SEC}`, '-f', 'lavfi', '-i', `sine=frequency=440:duration=${CLIP_SEC}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '25', '-c:a', 'aac', '-b:a', '96k', '-shortest', '-movflags', '+faststart', path.join(media, 'clip.mp4')]);
  [built] = await Promise.all([buildHost(), make]);
  srv = await startHostileServer(media, { cutBytes: 2_000_000, stallBytes: 300_000, lieBytes: 200_000, slowMs: 500 });
  tiny = await startHostileServer(media, { stallBytes: 1000 });
}, 120_000);
afterAll(async () => {
  for (const p of procs) p.cleanup();
  built?.dispose();
  await srv?.close();
  await tiny?.close();
  rmSync(media, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const env = () => ({ PATH: process.env.PATH ?? '', HOME: home, NEXSTREAM_STALL_SEC: String(STALL_SEC), NEXSTREAM_PROBE_TIMEOUT_SEC: '6' });

function cli(args: string[], timeoutMs = 90_000): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [built.entry, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`timeout: ${stderr}`))), timeoutMs);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr, ms: Date.now() - t0 })));
  });
}

const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { type: string; code?: string; path?: string };
const leftovers = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
async function durationOf(file: string): Promise<number> {
  const r = await execa('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  return Number(r.stdout.trim());
}

describe('hostile media sources through the CLI', () => {
  it('a connection cut every 2 MB resumes with Range to the full duration (best and mp3)', async () => {
    for (const preset of ['best', 'mp3-192']) {
      const out = path.join(home, `cut-${preset}`);
      const r = await cli(['download', srv.at('cut', 'clip.mp4'), '--preset', preset, '--out', out, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const done = lastLine(r.stdout);
      expect(done.type).toBe('done');
      expect(await durationOf(done.path ?? '')).toBeGreaterThan(CLIP_SEC - 0.5);
      expect(leftovers(out).filter((f) => f.includes('.part'))).toEqual([]);
    }
    // ffmpeg really reconnected with Range after each cut.
    expect(srv.requests.filter((l) => l.startsWith('GET /cut/') && /bytes=[1-9]/.test(l)).length).toBeGreaterThan(1);
  }, 120_000);

  it.each([
    ['dead', 'media.truncated'],
    ['lie', 'media.truncated'],
    ['stall', 'media.stalled'],
  ])('a %s source fails as %s and leaves nothing', async (mode, code) => {
    const out = path.join(home, `fail-${mode}`);
    const r = await cli(['download', srv.at(mode as 'dead', 'clip.mp4'), '--preset', 'best', '--out', out, '--json']);
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    expect(lastLine(r.stdout)).toMatchObject({ type: 'error', code });
    expect(leftovers(out)).toEqual([]);
    const msg = (lastLine(r.stdout) as { message?: string }).message ?? '';
    // dead and lie are caught from what ffmpeg read against what the server announced, before any duration check.
    if (mode !== 'stall') expect(msg).toMatch(/after \d+ of (the )?\d+ bytes/);
    console.log(`${mode}: ${code} after ${r.ms} ms: ${msg}`);
  }, 90_000);

  it('headers + 1000 bytes then silence fails as media.stalled in bounded time', async () => {
    const out = path.join(home, 'stall-1000');
    const r = await cli(['download', tiny.at('stall', 'clip.mp4'), '--preset', 'best', '--out', out, '--json']);
    expect(lastLine(r.stdout)).toMatchObject({ type: 'error', code: 'media.stalled' });
    expect(leftovers(out)).toEqual([]);
    console.log(`stall after 1000 bytes: media.stalled after ${r.ms} ms`);
  }, 90_000);

  it('an endless junk body fails in bounded time and leaves nothing', async () => {
    const out = path.join(home, 'endless');
    const r = await cli(['download', srv.at('endless', 'clip.mp4'), '--preset', 'best', '--out', out, '--json']);
    expect(r.code).not.toBe(0);
    expect(lastLine(r.stdout).type).toBe('error');
    expect(leftovers(out)).toEqual([]);
    console.log(`endless: ${lastLine(r.stdout).code} after ${r.ms} ms`);
  }, 90_000);

  it('a slow-loris header fails the probe at the probe timeout', async () => {
    const r = await cli(['probe', srv.at('slowloris', 'clip.mp4'), '--json']);
    expect(r.code).not.toBe(0);
    expect(r.ms).toBeLessThan(20_000);
    // Our probe limit ended it: its own code (media.timeout), with the limit in the message.
    expect(r.stdout + r.stderr).toMatch(/media\.timeout/);
    expect(r.stdout + r.stderr).toMatch(/did not answer within 6 s/);
    console.log(`slowloris: exit ${r.code} after ${r.ms} ms: ${(r.stdout + r.stderr).trim().split('\n').at(-1)}`);
  }, 60_000);
});

describe('hostile media sources through the host', () => {
  it('cut resumes to done; dead fails as media.truncated; no .part either way', async () => {
    const out = mkdtempSync(path.join(home, 'host-'));
    const h = startHost(built.entry, { NEXSTREAM_DOWNLOAD_DIR: out, NEXSTREAM_STALL_SEC: String(STALL_SEC) });
    procs.push(h);
    const run = async (id: string, mode: 'cut' | 'dead') => {
      h.send({ id, type: 'download', url: srv.at(mode, 'clip.mp4'), preset: 'best', outDir: path.join(out, mode) });
      const jobId = ((await h.reply(id, 30_000)).result as { jobId: string }).jobId;
      return h.waitFor((m) => (m.event === 'job.done' || m.event === 'job.failed') && m.jobId === jobId, 90_000);
    };
    const [cut, dead] = await Promise.all([run('c', 'cut'), run('d', 'dead')]);
    expect(cut.event).toBe('job.done');
    expect(await durationOf(cut.path as string)).toBeGreaterThan(CLIP_SEC - 0.5);
    expect(dead).toMatchObject({ event: 'job.failed', error: { code: 'media.truncated' } });
    expect(leftovers(path.join(out, 'cut')).filter((f) => f.includes('.part'))).toEqual([]);
    expect(leftovers(path.join(out, 'dead'))).toEqual([]);
    h.child.stdin.end();
    await h.exited;
  }, 120_000);
});
