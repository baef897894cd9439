/** A CLI download killed with SIGKILL leaves its .part; the next CLI download into that folder sweeps it (not only a host start). */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHost } from '../host-process.js';
import { processesMentioning, startMediaEnv, waitUntil, type MediaEnv } from '../media-env.js';

let built: Awaited<ReturnType<typeof buildHost>>;
let media: MediaEnv;
let home: string;
beforeAll(async () => {
  [built, media] = await Promise.all([buildHost(), startMediaEnv(6)]);
  home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-cli-k9-'));
}, 120_000);
afterAll(async () => {
  built?.dispose();
  await media?.close();
  rmSync(home, { recursive: true, force: true });
});

const parts = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.nexstream.part')) : []);
const cli = (args: string[]) => spawn(process.execPath, [built.entry, ...args], { env: { PATH: process.env.PATH ?? '', HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });

describe('nexstream download after a SIGKILLed one', () => {
  it('sweeps the dead run\'s .part and its orphaned ffmpeg', async () => {
    const out = path.join(home, 'out');
    const throttle = 'throttle=150001';
    const first = cli(['download', `${media.server.url}direct.mp4?${throttle}`, '--preset', 'mp4-360', '--out', out, '--json']);
    expect(await waitUntil(() => parts(out).length > 0, 30_000)).toBe(true);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('close', r));
    const left = parts(out);
    expect(left).toHaveLength(1);

    const second = cli(['download', `${media.server.url}direct.mp4`, '--preset', 'mp3-192', '--out', out, '--json']);
    let stdout = '';
    second.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((r) => second.once('close', r));
    expect(code, stdout).toBe(0);
    expect(parts(out)).toEqual([]);
    expect(readdirSync(out).filter((f) => f.endsWith('.mp4'))).toEqual([]);
    expect(await waitUntil(() => processesMentioning(throttle).length === 0, 10_000)).toBe(true);
  }, 90_000);
});
