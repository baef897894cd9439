/**
 * Test helper: bundles the host with scripts/build-host.mjs's options (into a private dir under
 * dist/, so parallel suites and other engineers' builds never race on dist/nexstream.mjs), spawns
 * `nexstream host` and speaks real length-prefixed frames to it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { frame } from '../../fixtures/frames.js';
import { hostBuildOptions } from '../../../scripts/host-build-options.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function buildHost(): Promise<{ entry: string; dispose: () => void }> {
  mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'dist', '.test-'));
  const entry = path.join(dir, 'nexstream.mjs');
  await build({ ...hostBuildOptions(ROOT, dir, 'bundle'), logLevel: 'error' });
  // Same shape as bin/nexstream.mjs: call main() with argv and exit with its code.
  writeFileSync(entry, "import { main } from './bundle.mjs';\nprocess.exitCode = await main(process.argv.slice(2));\n");
  return { entry, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export { frame };

export interface HostProc {
  child: ChildProcessWithoutNullStreams;
  messages: Array<Record<string, unknown>>;
  stderr: () => string;
  send(value: unknown): void;
  writeRaw(buf: Buffer): void;
  /** Resolves with the first message matching `pred` (already received or future). */
  waitFor(pred: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  reply(id: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  home: string;
  cleanup(): void;
}

export function startHost(entry: string, env: Record<string, string> = {}, args: string[] = ['host', 'chrome-extension://test/']): HostProc {
  const home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-home-'));
  const child = spawn(process.execPath, [entry, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const messages: Array<Record<string, unknown>> = [];
  const waiters: Array<{ pred: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }> = [];
  let buf = Buffer.alloc(0);
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 4) {
      const n = buf.readUInt32LE(0);
      if (buf.length < 4 + n) break;
      const msg = JSON.parse(buf.subarray(4, 4 + n).toString('utf8')) as Record<string, unknown>;
      buf = buf.subarray(4 + n);
      messages.push(msg);
      for (const w of [...waiters]) {
        if (w.pred(msg)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(msg);
        }
      }
    }
  });
  const t0 = Date.now();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - t0 })),
  );
  child.stdin.on('error', () => {});
  const waitFor: HostProc['waitFor'] = (pred, timeoutMs = 10_000) => {
    const found = messages.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages).slice(0, 2000)}; stderr: ${err}`)), timeoutMs);
      waiters.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  };
  return {
    child,
    messages,
    stderr: () => err,
    send: (v) => child.stdin.write(frame(v)),
    writeRaw: (b) => child.stdin.write(b),
    waitFor,
    reply: (id, timeoutMs) => waitFor((m) => m.kind === 'response' && m.id === id, timeoutMs),
    exited,
    home,
    cleanup: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
    },
  };
}
