/** The playlist half of the CLI contract: `probe --json` with `playlist`, `download <playlist> --json` lines and exit codes. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildHost } from './host-process.js';
import { filesUnder, startPlaylistEnv, type PlaylistEnv } from './playlist-env.js';

let built: Awaited<ReturnType<typeof buildHost>>;
let env: PlaylistEnv;
let feed: string;
beforeAll(async () => {
  [built, env] = await Promise.all([buildHost(), startPlaylistEnv(3)]);
  feed = await env.feed('cli.xml', 'CLI Feed', [
    { title: 'First', file: 'ep1.m4a', durationSec: 2 },
    { title: 'Second', file: 'ep2.m4a' },
    { title: 'Dead', file: 'nope.m4a' },
    { title: 'Third', file: 'ep3.m4a' },
  ]);
}, 60_000);
afterAll(async () => {
  built?.dispose();
  await env?.close();
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [built.entry, ...args], { env: { PATH: process.env.PATH ?? '', HOME: env.home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`timeout: ${stderr}`))), 120_000);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

const Entry = z.object({ index: z.number().int().positive(), id: z.string().nullable(), title: z.string(), durationSec: z.number().nullable(), url: z.string() });
const Line = z.discriminatedUnion('type', [
  z.object({ type: z.literal('playlist'), title: z.string(), count: z.number() }),
  z.object({ type: z.literal('progress'), item: z.number(), percent: z.number().nullable(), speed: z.number().nullable(), etaSec: z.number().nullable() }),
  z.object({ type: z.literal('item'), item: z.number(), status: z.enum(['done', 'failed', 'skipped']), path: z.string().optional(), code: z.string().optional() }),
  z.object({ type: z.literal('done'), paths: z.array(z.string()), failed: z.number(), skipped: z.number() }),
]);
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => Line.parse(JSON.parse(l)));

describe('nexstream CLI on a playlist', () => {
  it('probe --json adds playlist {title, count, entries}', async () => {
    const r = await cli(['probe', feed, '--json']);
    expect(r.code).toBe(0);
    const out = z.object({ playlist: z.object({ title: z.string(), count: z.number(), entries: z.array(Entry) }) }).parse(JSON.parse(r.stdout));
    expect(out.playlist).toMatchObject({ title: 'CLI Feed', count: 4 });
    expect(out.playlist.entries.map((e) => e.title)).toEqual(['First', 'Second', 'Dead', 'Third']);
  }, 120_000);

  it('download --items --json: playlist line first, item lines, done last; exit 0; a second run skips', async () => {
    const out = path.join(env.home, 'cli-out');
    const r = await cli(['download', feed, '--preset', 'mp3-192', '--items', '1-2,4', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const ls = lines(r.stdout);
    expect(ls[0]).toEqual({ type: 'playlist', title: 'CLI Feed', count: 3 });
    expect(ls.at(-1)).toMatchObject({ type: 'done', failed: 0, skipped: 0 });
    const items = ls.filter((l) => l.type === 'item');
    expect(items.map((l) => [l.item, l.status]).sort()).toEqual([[1, 'done'], [2, 'done'], [4, 'done']]);
    expect(ls.filter((l) => l.type === 'progress').every((l) => [1, 2, 4].includes(l.item))).toBe(true);
    const done = ls.at(-1);
    expect(done?.type === 'done' && done.paths.map((p) => path.basename(p))).toEqual(['First.mp3', 'Second.mp3', 'Third.mp3']);
    expect(await filesUnder(path.join(out, 'CLI Feed'))).toEqual(['CLI Feed.m3u8', 'First.mp3', 'Second.mp3', 'Third.mp3']);

    const again = await cli(['download', feed, '--preset', 'mp3-192', '--items', '1-2,4', '--out', out, '--json']);
    expect(again.code).toBe(0);
    expect(lines(again.stdout).at(-1)).toMatchObject({ type: 'done', paths: [], failed: 0, skipped: 3 });
  }, 180_000);

  it('a 12-item feed (more entries than one AbortSignal listens for by default) downloads with no Node warning on stderr', async () => {
    const twelve = await env.feed('twelve.xml', 'Twelve', Array.from({ length: 12 }, (_, i) => ({ title: `Part ${i + 1}`, file: `ep${(i % 3) + 1}.m4a`, guid: `twelve-${i + 1}` })));
    const r = await cli(['download', twelve, '--preset', 'mp3-192', '--out', path.join(env.home, 'twelve-out'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout).at(-1)).toMatchObject({ type: 'done', failed: 0, skipped: 0 });
    expect(r.stderr).not.toMatch(/Warning/);
  }, 180_000);

  it('exit 5 when some items failed, with the failed item and its code', async () => {
    const out = path.join(env.home, 'cli-out-2');
    const r = await cli(['download', feed, '--preset', 'mp3-192', '--items', '2-3', '--out', out, '--json']);
    expect(r.code).toBe(5);
    const ls = lines(r.stdout);
    expect(ls.find((l) => l.type === 'item' && l.item === 3)).toMatchObject({ status: 'failed', code: 'media.unavailable' });
    expect(ls.at(-1)).toMatchObject({ type: 'done', failed: 1, skipped: 0 });
    expect(existsSync(path.join(out, 'CLI Feed', 'Second.mp3'))).toBe(true);
  }, 120_000);

  it('--items on a URL that is no playlist, or a bad --items, is refused', async () => {
    expect((await cli(['download', env.url('direct.mp4'), '--preset', 'mp3-192', '--items', '1', '--json'])).code).toBe(1);
    expect((await cli(['download', feed, '--preset', 'mp3-192', '--items', '3-1'])).code).toBe(2);
  }, 120_000);
});
