/**
 * CLI contract of `nexstream download <live-url> --live`: the bundled CLI as a child process, real yt-dlp and ffmpeg,
 * a live HLS stream on 127.0.0.1. `--duration` and Ctrl-C stop and keep the file; no `--live` is media.live.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectMedia, topLevelBoxes } from '../../../fixtures/inspect-media.js';
import { startLiveHls, type LiveHls } from '../../../fixtures/live-hls-server.js';
import { buildHost } from '../host-process.js';

let built: Awaited<ReturnType<typeof buildHost>>;
let home: string;
let stream: LiveHls;

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-cli-live-'));
  [built, stream] = await Promise.all([buildHost(), startLiveHls({ dir: path.join(home, 'segs'), totalSec: 40 })]);
}, 120_000);
afterAll(async () => {
  built?.dispose();
  await stream?.close();
  rmSync(home, { recursive: true, force: true });
});

function cli(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [built.entry, ...args], { env: { PATH: process.env.PATH ?? '', HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`timeout: ${stderr}`))), 60_000);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('nexstream download --live', () => {
  it('--duration 3 --json: progress lines with time and bytes, then done; the MP4 is ~3 s with moov first', async () => {
    const out = path.join(home, 'dur');
    const r = await cli(['download', `${stream.url}live.m3u8`, '--live', '--duration', '3', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const all = lines(r.stdout);
    const done = all.at(-1) as { type: string; path: string };
    expect(done.type).toBe('done');
    const progress = all.slice(0, -1);
    expect(progress.every((l) => l.type === 'progress')).toBe(true);
    expect(progress.some((l) => l.percent === null && typeof l.outTimeSec === 'number' && typeof l.bytes === 'number')).toBe(true);
    const facts = await inspectMedia(done.path);
    console.log(`[cli --live] --duration 3 -> ${facts.durationSec.toFixed(2)} s`);
    // ffmpeg's -t: exactly that much media, give or take a frame.
    expect(facts.durationSec).toBeGreaterThan(2.8);
    expect(facts.durationSec).toBeLessThan(3.3);
    const boxes = await topLevelBoxes(done.path);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(readdirSync(out)).toEqual([path.basename(done.path)]);
  });

  it('Ctrl-C (SIGINT) during a recording stops it and keeps a playable file: done, exit 0', async () => {
    const out = path.join(home, 'sigint');
    let sent = false;
    const r = await cli(['download', `${stream.url}live.m3u8`, '--live', '--out', out, '--json'], (text, child) => {
      // Once two seconds are recorded.
      if (sent || !text.split('\n').some((l) => l.startsWith('{') && l.endsWith('}') && Number((JSON.parse(l) as { outTimeSec?: number }).outTimeSec) >= 2)) return;
      sent = true;
      child.kill('SIGINT');
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('finishing the recording');
    const done = lines(r.stdout).at(-1) as { type: string; path: string };
    expect(done.type).toBe('done');
    expect((await inspectMedia(done.path)).durationSec).toBeGreaterThan(1.5);
    expect(readdirSync(out)).toEqual([path.basename(done.path)]);
  });

  it('without --live a live URL fails with media.live, and the fix names --live', async () => {
    const out = path.join(home, 'nolive');
    const r = await cli(['download', `${stream.url}live.m3u8`, '--out', out, '--json']);
    expect(r.code).toBe(1);
    const err = lines(r.stdout).at(-1) as { type: string; code: string; fix: string };
    expect(err).toMatchObject({ type: 'error', code: 'media.live' });
    expect(err.fix).toContain('--live');
    const human = await cli(['download', `${stream.url}live.m3u8`, '--out', out]);
    expect(human.stderr).toMatch(/error \[media\.live\].*\n\s+fix: .*--live/);
  });

  it('--duration without --live, or a bad value, is a usage error (exit 2)', async () => {
    expect((await cli(['download', `${stream.url}live.m3u8`, '--duration', '5'])).code).toBe(2);
    expect((await cli(['download', `${stream.url}live.m3u8`, '--live', '--duration', 'soon'])).code).toBe(2);
  });
});
