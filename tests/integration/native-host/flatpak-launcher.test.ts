/**
 * The Flatpak launcher, run the way a sandboxed browser runs it: `nexstream install` for a Flatpak
 * app, then the launcher from the app dir with FLATPAK_ID set (as inside every Flatpak sandbox) and
 * a stand-in flatpak-spawn on PATH that records its arguments and runs the command on "the host".
 * The real host answers a ping over real frames through it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { install } from '../../../native-host/install/index.js';
import { CHROMIUM_ORIGIN } from '../../../shared/extension-id.js';
import { recordingBin, type RecordingBin } from '../../fixtures/recording-bin.js';
import { buildHost, frame } from './host-process.js';

let built: Awaited<ReturnType<typeof buildHost>>;
let home: string;
let bin: RecordingBin;
beforeAll(async () => {
  built = await buildHost();
  home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-flatpak-'));
  bin = recordingBin(home, ['flatpak-spawn']);
});
afterAll(() => {
  built?.dispose();
  rmSync(home, { recursive: true, force: true });
});

/** Starts `launcher` like a browser (origin as argv[1]), sends one ping, resolves with the reply and the exit. */
function pingThrough(launcher: string, env: Record<string, string>): Promise<{ reply: Record<string, unknown>; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(launcher, [CHROMIUM_ORIGIN], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = Buffer.alloc(0);
    let stderr = '';
    let reply: Record<string, unknown> | null = null;
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`no reply; stderr: ${stderr}`))), 20_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      out = Buffer.concat([out, d]);
      // Log events may come first: read frames until the response.
      while (out.length >= 4 && out.length >= 4 + out.readUInt32LE(0)) {
        const n = out.readUInt32LE(0);
        const msg = JSON.parse(out.subarray(4, 4 + n).toString('utf8')) as Record<string, unknown>;
        out = out.subarray(4 + n);
        if (msg.kind === 'response' && msg.id === 'p1' && !reply) {
          reply = msg;
          child.stdin.end(); // the browser closing the port: the host exits
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (reply) resolve({ reply, code, stderr });
      else reject(new Error(`exited ${code} without a reply; stderr: ${stderr}`));
    });
    child.stdin.write(frame({ id: 'p1', type: 'ping' }));
  });
}

describe('Flatpak launcher', () => {
  const appId = 'org.chromium.Chromium';
  const env = () => ({ HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'), PATH: bin.path });

  it('inside the sandbox: runs the host through flatpak-spawn --host, and the host answers', async () => {
    const res = await install({ env: env(), platform: 'linux', browsers: [appId], entry: built.entry });
    const [m] = res.manifests;
    expect(m!.launcher).toBe(path.join(home, '.var/app', appId, 'data/nexstream/nexstream-host.sh'));
    expect(JSON.parse(readFileSync(m!.path, 'utf8')).path).toBe(m!.launcher);

    const { reply, code } = await pingThrough(m!.launcher!, { ...env(), FLATPAK_ID: appId });
    expect(reply).toMatchObject({ kind: 'response', id: 'p1', ok: true, result: { protocol: 1 } });
    expect(code).toBe(0);
    expect(bin.calls()).toEqual([{ tool: 'flatpak-spawn', args: ['--host', '--watch-bus', process.execPath, built.entry, 'host', CHROMIUM_ORIGIN], sandboxEnv: { FLATPAK_ID: appId } }]);
  });

  it('outside a sandbox the same launcher runs node directly', async () => {
    const before = bin.calls().length;
    const res = await install({ env: env(), platform: 'linux', browsers: [appId], entry: built.entry });
    const { reply } = await pingThrough(res.launcher, env());
    expect(reply).toMatchObject({ ok: true });
    expect(bin.calls()).toHaveLength(before);
  });
});
