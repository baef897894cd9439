/**
 * Video files get their index written in place at the front (room reserved from the probe's sample counts) instead of
 * the faststart pass; a source that announces less than it sends overflows the room, and the file is made again with
 * faststart. Real yt-dlp (DASH manifest parsing) and real ffmpeg on a 120 s lavfi clip served from 127.0.0.1.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverTools, download } from '../../../../native-host/media/index.js';
import type { Tools } from '../../../../native-host/media/types.js';
import { dashPairMpd } from '../../../fixtures/dash-mpd.js';
import { inspectMedia, topLevelBoxes } from '../../../fixtures/inspect-media.js';
import { startMediaServer, type MediaServer } from '../../../fixtures/media-server.js';
import { collectLog } from './helpers.js';

const SEC = 120;
let dir: string;
let server: MediaServer;
let tools: Tools;
let out: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nexstream-moov-'));
  await mkdir(path.join(dir, 'dash'));
  const ff = (args: string[]) => execa('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { cwd: path.join(dir, 'dash'), timeout: 60_000 });
  // 30 fps with B-frames (ctts) and 48 kHz AAC: 3,600 + 5,626 samples, a real-looking index.
  await Promise.all([
    ff(['-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=30:duration=${SEC}`, '-c:v', 'libx264', '-preset', 'veryfast', '-g', '60', '-pix_fmt', 'yuv420p', '-an', 'video.mp4']),
    ff(['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${SEC}`, '-c:a', 'aac', '-b:a', '64k', 'audio.m4a']),
  ]);
  const v = { id: 'v240', codecs: 'avc1.64000d', bandwidth: 300_000, width: 320, height: 240, fps: 30 };
  const a = { id: 'a64', codecs: 'mp4a.40.2', bandwidth: 64_000, sampleRate: 48000 };
  await writeFile(path.join(dir, 'dash/honest.mpd'), dashPairMpd(SEC, v, a));
  // A manifest that says 10 s for 120 s of media: the room sized from it is far too small.
  await writeFile(path.join(dir, 'dash/short.mpd'), dashPairMpd(10, v, a));
  [server, tools] = await Promise.all([startMediaServer(dir), discoverTools()]);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'nexstream-out-'));
  return () => rm(out, { recursive: true, force: true });
});

/** Decodes every frame: a broken index or sample table fails here. */
async function decodesCleanly(file: string): Promise<string> {
  const r = await execa('ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', '-i', file, '-f', 'null', '-'], { reject: false });
  expect(r.exitCode).toBe(0);
  return r.stderr;
}

describe('MP4 index room', () => {
  it('an honest source: one ffmpeg run, the index in place at the front, no faststart pass', async () => {
    const { log, commands } = collectLog();
    const r = await download({ url: `${server.url}dash/honest.mpd`, preset: 'mp4-360', outDir: out }, tools, { log });
    const ff = commands('ffmpeg');
    expect(ff).toHaveLength(1);
    expect(ff[0]).toMatch(/ -moov_size \d+ /);
    // The reserved .part is empty: no O_TRUNC (ext4 would flush the whole file at close).
    expect(ff[0]).toContain(' -truncate 0 ');
    expect(ff[0]).not.toContain('faststart');
    // The unused room is a free box after the index (the second is ffmpeg's usual 8-byte one before mdat, room for a
    // 64-bit size): still "moov before mdat" for a phone.
    expect(await topLevelBoxes(r.path)).toEqual(['ftyp', 'moov', 'free', 'free', 'mdat']);
    const facts = await inspectMedia(r.path);
    expect(Math.abs(facts.durationSec - SEC)).toBeLessThan(0.5);
    expect(facts.streams.map((s) => s.codec).sort()).toEqual(['aac', 'h264']);
    expect(await decodesCleanly(r.path)).toBe('');
    expect(await readdir(out)).toEqual([path.basename(r.path)]);
  }, 60_000);

  it('a source longer than it says: the room overflows, the file is made again with faststart and is whole', async () => {
    const { log, lines, commands } = collectLog();
    const r = await download({ url: `${server.url}dash/short.mpd`, preset: 'mp4-360', outDir: out }, tools, { log });
    const ff = commands('ffmpeg');
    expect(ff).toHaveLength(2);
    expect(ff[0]).toContain('-moov_size');
    expect(ff[1]).toContain('+faststart');
    expect(ff[1]).not.toContain('-moov_size');
    // The second run writes into the used .part: it must truncate it, or the first run's tail would stay.
    expect(ff[0]).toContain(' -truncate 0 ');
    expect(ff[1]).not.toContain('-truncate');
    expect(lines.some((l) => l.level === 'warn' && /index room was too small/.test(l.text))).toBe(true);
    const boxes = await topLevelBoxes(r.path);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(Math.abs((await inspectMedia(r.path)).durationSec - SEC)).toBeLessThan(0.5);
    expect(await decodesCleanly(r.path)).toBe('');
    // The broken first attempt left nothing: same .part reused, then committed.
    expect(await readdir(out)).toEqual([path.basename(r.path)]);
  }, 60_000);
});
