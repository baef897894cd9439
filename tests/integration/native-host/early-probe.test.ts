/**
 * The cold CLI's head start (native-host/cli/early-probe.ts + media/early-ytdlp.ts), with the real
 * yt-dlp behind a logging wrapper: a cold `probe`/`download` runs `yt-dlp -J` exactly once (the early
 * one, adopted), argv the guess does not cover runs it the normal way, and a guess that does not match
 * the probe's command is killed, never adopted.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimEarlyYtdlp, startEarlyYtdlp } from '../../../native-host/media/early-ytdlp.js';
import { startEarlyProbe } from '../../../native-host/cli/early-probe.js';
import { loadConfig } from '../../../native-host/config/load.js';
import { SETPRIV_KEY } from '../../../native-host/media/death-signal.js';
import { discoverTools } from '../../../native-host/media/tools.js';
import { ytdlpProbeArgs } from '../../../native-host/media/ytdlp-args.js';
import { buildHost } from './host-process.js';
import { startMediaEnv, type MediaEnv } from './media-env.js';

let built: Awaited<ReturnType<typeof buildHost>>;
let media: MediaEnv;
let home: string;
let wrapper: string;
let calls: string;
beforeAll(async () => {
  [built, media] = await Promise.all([buildHost(), startMediaEnv(2)]);
  home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-early-'));
  wrapper = path.join(home, 'yt-dlp');
  calls = path.join(home, 'calls.log');
  // Logs each invocation's first argument, then is the real yt-dlp.
  writeFileSync(wrapper, `#!/bin/sh\necho "$1" >> '${calls}'\nexec yt-dlp "$@"\n`);
  chmodSync(wrapper, 0o755);
});
afterAll(async () => {
  built?.dispose();
  await media?.close();
  rmSync(home, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [built.entry, ...args], { env: { PATH: process.env.PATH ?? '', HOME: home, NEXSTREAM_YTDLP: wrapper }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const probeCalls = () => {
  const log = readFileSync(calls, 'utf8').split('\n').filter(Boolean);
  rmSync(calls, { force: true });
  return log.filter((l) => l === '-J').length;
};

describe('early yt-dlp -J for a cold CLI', () => {
  it('probes once per cold run, with the same answer as the first (un-hinted) run', async () => {
    const url = `${media.server.url}direct.mp4`;
    // First run ever: no remembered tool versions, so no early start; this run remembers them.
    const first = await cli(['probe', url, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(probeCalls()).toBe(1);
    const second = await cli(['probe', url, '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(probeCalls()).toBe(1);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    // The death-signal guard is remembered too, so the early start runs no `setpriv --help` before its spawn.
    const remembered = JSON.parse(readFileSync(path.join(loadConfig({ HOME: home }).paths.dataDir, 'tools.json'), 'utf8')) as { tools: Record<string, { output: string }> };
    expect(Object.entries(remembered.tools).find(([k]) => k.startsWith(`${SETPRIV_KEY}@`))?.[1].output).toBe('true');
    const out = path.join(home, 'out');
    const dl = await cli(['download', url, '--preset', 'mp4-720', '--out', out, '--json']);
    expect(dl.code, dl.stderr).toBe(0);
    expect(probeCalls()).toBe(1);
  }, 120_000);

  it("the early guess is exactly the probe's own command (so it is adopted, not run twice)", async () => {
    const url = `${media.server.url}direct.mp4`;
    const env = { PATH: process.env.PATH ?? '', HOME: home, NEXSTREAM_YTDLP: wrapper };
    const config = loadConfig(env);
    // What the host's media service would run (tools.json was written by the runs above).
    const tools = await discoverTools(env, { cacheFile: path.join(config.paths.dataDir, 'tools.json'), paths: config.tools });
    await startEarlyProbe(['download', url, '--preset', 'mp3-320', '--out', home], env);
    const early = claimEarlyYtdlp(tools.ytdlp, ytdlpProbeArgs(url, tools));
    expect(early).not.toBeNull();
    early!.child.kill('SIGKILL');
    await early!.closed;
    rmSync(calls, { force: true });
    // Not a plain download of one URL: no guess.
    await startEarlyProbe(['download', url, '--resolve'], env);
    expect(claimEarlyYtdlp(tools.ytdlp, ytdlpProbeArgs(url, tools))).toBeNull();
  });

  it('a yt-dlp that takes --js-runtimes: the early argv names the runtime the probe picks, so it is adopted', async () => {
    // A current yt-dlp (2025.11.12 added --js-runtimes, yt_dlp/options.py): it reports that version and takes the
    // runtime flags; the installed 2023 yt-dlp behind it does the work (it predates the flags, so they are dropped).
    const newHome = mkdtempSync(path.join(os.tmpdir(), 'nexstream-early-js-'));
    const current = path.join(newHome, 'yt-dlp');
    const log = path.join(newHome, 'calls.log');
    writeFileSync(
      current,
      `#!/bin/sh\necho "$*" >> '${log}'\nif [ "$1" = "--version" ]; then echo 2025.11.12; exit 0; fi\nskip=0\nfor a do\n  shift\n  if [ $skip = 1 ]; then skip=0; continue; fi\n  case "$a" in --no-js-runtimes) continue;; --js-runtimes) skip=1; continue;; esac\n  set -- "$@" "$a"\ndone\nexec yt-dlp "$@"\n`,
    );
    chmodSync(current, 0o755);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [built.entry, ...args], { env: { PATH: process.env.PATH ?? '', HOME: newHome, NEXSTREAM_YTDLP: current }, stdio: ['ignore', 'pipe', 'inherit'] });
        let stdout = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const probes = () => {
      const lines = readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('-J'));
      rmSync(log, { force: true });
      return lines;
    };
    try {
      const url = `${media.server.url}direct.mp4`;
      const first = await run(['probe', url, '--json']);
      expect(first.code).toBe(0);
      const [cold] = probes();
      expect(cold).toMatch(/--no-js-runtimes --js-runtimes (node|deno):\//);
      const second = await run(['probe', url, '--json']);
      expect(second.code).toBe(0);
      // One -J, with the runtime: the early start guessed the probe's argv exactly (a miss is killed and run again).
      expect(probes()).toEqual([cold]);
      expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    } finally {
      rmSync(newHome, { recursive: true, force: true });
    }
  }, 120_000);

  it('an invalid URL starts nothing and still gets the usual error', async () => {
    const r = await cli(['probe', '-J', '--json']);
    expect(r.code).not.toBe(0);
    rmSync(calls, { force: true });
    const bad = await cli(['download', 'file:///etc/passwd', '--json']);
    expect(JSON.parse(bad.stdout.trim())).toMatchObject({ type: 'error', code: 'input.invalid_url' });
    expect(() => readFileSync(calls)).toThrow();
  });

  it('a started guess that does not match the probe is killed, not adopted', async () => {
    const guess = startEarlyYtdlp('sleep', ['30']);
    expect(claimEarlyYtdlp('sleep', ['31'])).toBeNull();
    expect((await guess!.closed).signal).toBe('SIGKILL');
    startEarlyYtdlp('sleep', ['30']);
    const match = claimEarlyYtdlp('sleep', ['30']);
    expect(match?.child.pid).toBeGreaterThan(0);
    match?.child.kill('SIGKILL');
    expect((await match!.closed).signal).toBe('SIGKILL');
  });
});
