/** The CLI contract other tools rely on: `probe --json`, `download --json`, exit codes, stdout purity. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildHost, ROOT } from './host-process.js';
import { startMediaEnv, type MediaEnv } from './media-env.js';

let built: Awaited<ReturnType<typeof buildHost>>;
let media: MediaEnv;
let home: string;
beforeAll(async () => {
  [built, media] = await Promise.all([buildHost(), startMediaEnv(4)]);
  home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-cli-'));
});
afterAll(async () => {
  built?.dispose();
  await media?.close();
  rmSync(home, { recursive: true, force: true });
});

function cli(args: string[], timeoutMs = 60_000, onSpawn?: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [built.entry, ...args], { env: { PATH: process.env.PATH ?? '', HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`timeout: ${stderr}`))), timeoutMs);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
    onSpawn?.(child);
  });
}

/** The documented shape of `nexstream probe --json` (extra fields allowed, these required). */
const ProbeContract = z.object({
  url: z.string(),
  title: z.string(),
  durationSec: z.number().nullable(),
  thumbnail: z.string().nullable(),
  formats: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['video', 'audio', 'muxed']),
      ext: z.string(),
      height: z.number().optional(),
      fps: z.number().optional(),
      vcodec: z.string().optional(),
      acodec: z.string().optional(),
      abr: z.number().optional(),
      filesize: z.number().optional(),
    }),
  ),
  presets: z.array(z.object({ id: z.string(), label: z.string() })),
});
const Line = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), percent: z.number().nullable(), speed: z.number().nullable(), etaSec: z.number().nullable() }),
  z.object({ type: z.literal('done'), path: z.string() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);

describe('nexstream CLI contract', () => {
  it('probe --json prints exactly one JSON object', async () => {
    const r = await cli(['probe', `${media.server.url}direct.mp4`, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const p = ProbeContract.parse(JSON.parse(r.stdout));
    expect(p.durationSec).toBeCloseTo(4, 0);
    expect(p.formats.length).toBeGreaterThan(0);
    expect(p.presets.map((x) => x.id)).toContain('mp3-192');
  });

  it('download --json prints progress lines then done, and the file exists', async () => {
    const dir = path.join(home, 'out-json');
    const r = await cli(['download', `${media.server.url}direct.mp4`, '--preset', 'm4a', '--out', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => Line.parse(JSON.parse(l)));
    const last = lines.at(-1)!;
    expect(last.type).toBe('done');
    expect(lines.slice(0, -1).every((l) => l.type === 'progress')).toBe(true);
    expect(existsSync((last as { path: string }).path)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.part'))).toEqual([]);
  });

  it('download without --json prints only the path on stdout and progress on stderr', async () => {
    const dir = path.join(home, 'out-human');
    const r = await cli(['download', `${media.server.url}direct.mp4`, '--preset', 'mp3-192', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const [only, ...rest] = r.stdout.trim().split('\n');
    expect(rest).toEqual([]);
    expect(path.dirname(only!)).toBe(dir);
    expect(existsSync(only!)).toBe(true);
  });

  it('download --json of a dead link ends with an error line and a non-zero exit, leaving nothing', async () => {
    const dir = path.join(home, 'out-dead');
    const r = await cli(['download', `${media.server.url}missing.mp4`, '--preset', 'best', '--out', dir, '--json']);
    expect(r.code).not.toBe(0);
    const last = Line.parse(JSON.parse(r.stdout.trim().split('\n').at(-1)!));
    expect(last).toMatchObject({ type: 'error', code: expect.stringMatching(/^media\./) });
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('Ctrl-C cancels a running download: error line job.cancelled, exit 130, nothing left', async () => {
    const dir = path.join(home, 'out-sigint');
    const r = await cli(['download', `${media.server.url}direct.mp4?throttle=30000`, '--preset', 'mp4-360', '--out', dir, '--json'], 60_000, (child) => {
      // Interrupt once the job is really running (first progress line), not after a guessed delay.
      let sent = false;
      child.stdout?.on('data', () => {
        if (sent) return;
        sent = true;
        child.kill('SIGINT');
      });
    });
    expect(r.code).toBe(130);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ type: 'error', code: 'job.cancelled' });
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('doctor --json reports the tools and paths', async () => {
    const r = await cli(['doctor', '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.tools.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['node', 'yt-dlp', 'ffmpeg', 'ffprobe']));
    expect(report.configPath).toBe(path.join(home, '.config', 'nexstream', 'config.json'));
  });

  it('install --profile-dir writes the manifest and an executable launcher; uninstall removes both', async () => {
    const profile = path.join(home, 'chromium-profile');
    const r = await cli(['install', '--profile-dir', profile, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.manifests).toEqual([{ browser: 'profile', path: path.join(profile, 'NativeMessagingHosts', 'com.nexstream.host.json') }]);
    const manifest = JSON.parse(readFileSync(res.manifests[0].path, 'utf8'));
    expect(manifest.path).toBe(res.launcher);
    expect(statSync(res.launcher).mode & 0o100).not.toBe(0);
    expect(readFileSync(res.launcher, 'utf8')).toContain(`exec "${process.execPath}" "${path.join(ROOT, 'bin', 'nexstream.mjs')}" host "$@"`);
    const u = await cli(['uninstall', '--profile-dir', profile, '--json']);
    expect(JSON.parse(u.stdout)).toMatchObject({ removed: [res.manifests[0].path], launcherRemoved: true });
    expect(existsSync(res.launcher)).toBe(false);
  });
});
