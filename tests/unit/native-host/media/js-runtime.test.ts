/**
 * JS runtime choice against stand-in runtimes: tiny scripts printing what `deno --version` / `node --version` print
 * (formats from yt-dlp's yt_dlp/utils/_jsruntime.py, which parses `^deno (\S+)` and `^v(\S+)`).
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseJsRuntime, findNpmDeno, jsRuntimeArgs, parseRuntimeVersion } from '../../../../native-host/media/js-runtime.js';
import { runtimeFloors, versionAtLeast, ytdlpAgeDays } from '../../../../native-host/media/ytdlp-version.js';

let root: string;
/** A folder holding one stand-in `deno` and/or `node` printing the given versions. */
async function bin(name: string, tools: { deno?: string; node?: string }): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  const put = async (exe: string, out: string) => {
    await writeFile(path.join(dir, exe), `#!/bin/sh\n[ "$1" = "--version" ] && printf '%s\\n' "${out}" && exit 0\nexit 9\n`);
    await chmod(path.join(dir, exe), 0o755);
  };
  if (tools.deno) await put('deno', `deno ${tools.deno} (stable, release, x86_64-unknown-linux-gnu)\nv8 13.7.152.6-rusty\ntypescript 5.8.3`);
  if (tools.node) await put('node', `v${tools.node}`);
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nexstream-jsrt-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const NEW = '2026.08.19';
const MID = '2025.12.08';

describe('floors and versions', () => {
  it('uses the floors of the yt-dlp release (2026.06.09 raised them); a custom build gets the strictest', () => {
    expect(runtimeFloors(MID)).toEqual({ deno: '2.0.0', node: '20.0.0' });
    expect(runtimeFloors('2026.06.09')).toEqual({ deno: '2.3.0', node: '22.0.0' });
    expect(runtimeFloors('my-build')).toEqual({ deno: '2.3.0', node: '22.0.0' });
    expect(ytdlpAgeDays('2026.08.19', new Date('2026-12-01T12:00:00Z'))).toBe(104);
  });

  it('parses what the runtimes print', () => {
    expect(parseRuntimeVersion('deno', 'deno 2.5.6 (stable, release, x86_64-unknown-linux-gnu)\nv8 14.0')).toBe('2.5.6');
    expect(parseRuntimeVersion('node', 'v24.11.1\n')).toBe('24.11.1');
    expect(parseRuntimeVersion('node', 'garbage')).toBeNull();
  });
});

describe('chooseJsRuntime (stand-in runtimes)', () => {
  const none = { npmDeno: null, hostNode: null };

  it('prefers deno on PATH when this yt-dlp accepts it', async () => {
    const dir = await bin('both', { deno: '2.5.6', node: '24.11.1' });
    const c = await chooseJsRuntime({ ytdlpVersion: NEW, env: { PATH: dir }, ...none });
    expect(c.runtime).toMatchObject({ name: 'deno', version: '2.5.6', path: path.join(dir, 'deno'), source: 'deno on PATH' });
    expect(jsRuntimeArgs(c.runtime!)).toEqual(['--no-js-runtimes', '--js-runtimes', `deno:${path.join(dir, 'deno')}`]);
  });

  it('skips a deno the installed yt-dlp rejects and takes a Node >= 22 on the system', async () => {
    const dir = await bin('olddeno', { deno: '2.2.12', node: '22.12.0' });
    const c = await chooseJsRuntime({ ytdlpVersion: NEW, env: { PATH: dir }, ...none });
    expect(c.runtime).toMatchObject({ name: 'node', version: '22.12.0', source: 'node on PATH' });
    expect(c.rejected).toEqual([expect.objectContaining({ source: 'deno on PATH', version: '2.2.12', why: 'deno 2.2.12 is older than 2.3.0' })]);
  });

  it("the host's own Node only when it is >= 22; Node 20 is fine for a 2025 yt-dlp", async () => {
    const empty = await bin('empty', {});
    const host20 = { path: '/usr/bin/node-host', version: '20.20.2' };
    const strict = await chooseJsRuntime({ ytdlpVersion: NEW, env: { PATH: empty }, npmDeno: null, hostNode: host20 });
    expect(strict.runtime).toBeNull();
    expect(strict.rejected[0]).toMatchObject({ source: "the host's node", why: 'node 20.20.2 is older than 22.0.0' });
    const mid = await chooseJsRuntime({ ytdlpVersion: MID, env: { PATH: empty }, npmDeno: null, hostNode: host20 });
    expect(mid.runtime).toMatchObject({ name: 'node', path: '/usr/bin/node-host', source: "the host's node" });
    const host24 = await chooseJsRuntime({ ytdlpVersion: NEW, env: { PATH: empty }, npmDeno: null, hostNode: { path: '/x/node', version: '24.11.1' } });
    expect(host24.runtime).toMatchObject({ name: 'node', version: '24.11.1' });
  });

  it('falls back to the deno from npm; a runtime that does not run is reported, not used', async () => {
    const npm = await bin('npm', { deno: '2.9.6' });
    const broken = await bin('broken', {});
    await writeFile(path.join(broken, 'node'), '#!/bin/sh\nexit 1\n');
    await chmod(path.join(broken, 'node'), 0o755);
    const c = await chooseJsRuntime({ ytdlpVersion: NEW, env: { PATH: broken }, hostNode: null, npmDeno: path.join(npm, 'deno') });
    expect(c.runtime).toMatchObject({ name: 'deno', version: '2.9.6', source: 'deno from npm' });
    expect(c.rejected).toEqual([expect.objectContaining({ source: 'node on PATH', why: 'does not run' })]);
  });

  it('NEXSTREAM_DENO / NEXSTREAM_NODE name a runtime outside PATH', async () => {
    const dir = await bin('custom', { node: '22.3.0' });
    const c = await chooseJsRuntime({ ytdlpVersion: NEW, env: { PATH: '/nonexistent', NEXSTREAM_NODE: path.join(dir, 'node') }, ...none });
    expect(c.runtime).toMatchObject({ name: 'node', path: path.join(dir, 'node') });
  });

  it('finds and runs the real deno from the optional `deno` npm dependency (linux-x64 here)', async () => {
    const p = findNpmDeno();
    expect(p).toMatch(/node_modules\/deno\/deno$/);
    const c = await chooseJsRuntime({ ytdlpVersion: NEW, env: { PATH: '/nonexistent' }, hostNode: null });
    expect(c.runtime).toMatchObject({ name: 'deno', path: p, source: 'deno from npm' });
    expect(versionAtLeast(c.runtime!.version, runtimeFloors(NEW).deno)).toBe(true);
  });
});
