/**
 * "Record from now" with the real yt-dlp and ffmpeg on a live HLS stream served from 127.0.0.1 (live-hls-server.ts):
 * Stop and a stall keep a playable faststart MP4 as long as the time recorded; Cancel keeps nothing; a stream that
 * ends by itself finishes the job; an event that has not started is refused.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverTools, download, probe } from '../../../../native-host/media/index.js';
import type { Tools } from '../../../../native-host/media/types.js';
import type { Progress } from '../../../../shared/protocol/index.js';
import { inspectMedia, topLevelBoxes } from '../../../fixtures/inspect-media.js';
import { startLiveHls, type LiveHls } from '../../../fixtures/live-hls-server.js';
import { makeMedia } from '../../../fixtures/make-media.js';
import { startMediaServer } from '../../../fixtures/media-server.js';
import { collectLog, waitNoProcesses } from './helpers.js';

let segs: string;
let tools: Tools;
let out: string;
const servers: LiveHls[] = [];
const live = async (o: { upcoming?: boolean } = {}) => {
  const s = await startLiveHls({ dir: segs, totalSec: 30, ...o });
  servers.push(s);
  return s;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  segs = await mkdtemp(path.join(tmpdir(), 'nexstream-live-'));
  tools = await discoverTools();
  // Cut the segments once; every test's server reuses them.
  await live();
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  if (segs) await rm(segs, { recursive: true, force: true });
});
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'nexstream-rec-'));
  return () => rm(out, { recursive: true, force: true });
});

describe('live HLS detection', () => {
  it('yt-dlp says nothing about liveness; the host reads the open playlist and calls it live (direct link and page)', async () => {
    const s = await live();
    const direct = await probe(`${s.url}live.m3u8`, tools, { noCache: true });
    expect(direct.info.live_status).toBe('is_live');
    expect(direct.result.live).toBe('is_live');
    expect(direct.result.durationSec).toBeNull();
    const page = await probe(`${s.url}live.html`, tools, { noCache: true });
    expect(page.result.live).toBe('is_live');
  });

  it('a live URL without `live` is refused with media.live, whose message names the way to record it', async () => {
    const s = await live();
    const url = `${s.url}live.m3u8`;
    await expect(download({ url, preset: 'best', outDir: out }, tools, {}, await probe(url, tools, { noCache: true }))).rejects.toMatchObject({ code: 'media.live', message: expect.stringContaining('--live') });
    expect(await readdir(out)).toEqual([]);
  });
});

describe('recording', () => {
  it('Stop after ~3 s: a faststart MP4 (moov before mdat) about as long as the time recorded; progress with time and bytes', async () => {
    const s = await live();
    const url = `${s.url}live.m3u8`;
    const stop = new AbortController();
    const progress: Progress[] = [];
    const { log } = collectLog();
    const started = Date.now();
    const job = download({ url, preset: 'best', outDir: out, live: true }, tools, { log, stop: stop.signal, onProgress: (p) => progress.push(p) }, await probe(url, tools, { noCache: true }));
    // Recording starts once ffmpeg reports media time; then ~3 s more.
    for (let i = 0; i < 100 && !progress.some((p) => (p.outTimeSec ?? 0) > 0); i++) await sleep(100);
    const recordingSince = Date.now();
    await sleep(3000);
    const wall = (Date.now() - recordingSince) / 1000;
    stop.abort();
    const r = await job;
    const facts = await inspectMedia(r.path);
    console.log(`[record] wall ${wall.toFixed(1)} s (since request ${((Date.now() - started) / 1000).toFixed(1)} s) -> file ${facts.durationSec.toFixed(2)} s, ${r.bytes} bytes`);
    expect(facts.formatName).toMatch(/mp4/);
    expect(facts.streams.map((x) => x.codec).sort()).toEqual(['aac', 'h264']);
    expect(facts.durationSec).toBeGreaterThan(wall - 1.5);
    expect(facts.durationSec).toBeLessThan(wall + 2.5);
    const boxes = await topLevelBoxes(r.path);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(path.basename(r.path)).toMatch(/^live \(live \d{4}-\d\d-\d\d \d\d\.\d\d\)\.mp4$/);
    expect(await readdir(out)).toEqual([path.basename(r.path)]);
    // No percent while recording (there is no end to measure against); 100 only with ffmpeg's final block.
    expect(progress.filter((p) => p.percent !== 100).every((p) => p.percent === null)).toBe(true);
    expect(progress.some((p) => (p.bytes ?? 0) > 0 && (p.outTimeSec ?? 0) > 1)).toBe(true);
    expect(await waitNoProcesses(out)).toEqual([]);
  }, 60_000);

  it('Cancel: no file and no .part, ffmpeg gone', async () => {
    const s = await live();
    const url = `${s.url}live.m3u8`;
    const abort = new AbortController();
    const progress: Progress[] = [];
    const job = download({ url, preset: 'best', outDir: out, live: true }, tools, { signal: abort.signal, onProgress: (p) => progress.push(p) }, await probe(url, tools, { noCache: true }));
    for (let i = 0; i < 100 && !progress.some((p) => (p.bytes ?? 0) > 0); i++) await sleep(100);
    expect(progress.length).toBeGreaterThan(0);
    abort.abort();
    await expect(job).rejects.toMatchObject({ code: 'job.cancelled' });
    expect(await readdir(out)).toEqual([]);
    expect(await waitNoProcesses(out)).toEqual([]);
  }, 60_000);

  it('the stream ends by itself mid-recording (#EXT-X-ENDLIST): the job finishes with a playable file', async () => {
    const s = await live();
    const url = `${s.url}live.m3u8`;
    const progress: Progress[] = [];
    const job = download({ url, preset: 'best', outDir: out, live: true }, tools, { onProgress: (p) => progress.push(p) }, await probe(url, tools, { noCache: true }));
    for (let i = 0; i < 100 && !progress.some((p) => (p.outTimeSec ?? 0) > 2); i++) await sleep(100);
    s.end();
    const r = await job;
    const facts = await inspectMedia(r.path);
    expect(facts.durationSec).toBeGreaterThan(1.5);
    expect(facts.durationSec).toBeLessThan(12);
    const boxes = await topLevelBoxes(r.path);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(await readdir(out)).toEqual([path.basename(r.path)]);
  }, 60_000);

  it('a stream that stops delivering without ending is finished after the stall time, keeping what was recorded', async () => {
    const s = await live();
    const url = `${s.url}live.m3u8`;
    const progress: Progress[] = [];
    const lines: string[] = [];
    const job = download({ url, preset: 'best', outDir: out, live: true, stallSec: 3 }, tools, { onProgress: (p) => progress.push(p), log: (l) => lines.push(l.text) }, await probe(url, tools, { noCache: true }));
    for (let i = 0; i < 100 && !progress.some((p) => (p.outTimeSec ?? 0) > 1); i++) await sleep(100);
    s.stall();
    const stalledAt = Date.now();
    const r = await job;
    const took = (Date.now() - stalledAt) / 1000;
    expect(took).toBeLessThan(15);
    expect((await inspectMedia(r.path)).durationSec).toBeGreaterThan(0.5);
    expect(lines.some((l) => /stopped sending for \d+ s: the recording so far is kept/.test(l))).toBe(true);
    expect(await readdir(out)).toEqual([path.basename(r.path)]);
    expect(await waitNoProcesses(out)).toEqual([]);
  }, 60_000);

  it('the origin goes away mid-recording: the job ends by itself within the stall time, keeping what was recorded or nothing', async () => {
    const s = await live();
    const url = `${s.url}live.m3u8`;
    const progress: Progress[] = [];
    const job = download({ url, preset: 'best', outDir: out, live: true, stallSec: 4 }, tools, { onProgress: (p) => progress.push(p) }, await probe(url, tools, { noCache: true }));
    for (let i = 0; i < 100 && !progress.some((p) => (p.outTimeSec ?? 0) > 1); i++) await sleep(100);
    await s.close();
    const goneAt = Date.now();
    const outcome = await job.then(
      (r) => ({ ok: true as const, path: r.path }),
      (e: { code?: string }) => ({ ok: false as const, code: e.code }),
    );
    const took = (Date.now() - goneAt) / 1000;
    console.log(`[record] origin gone -> ${JSON.stringify(outcome)} after ${took.toFixed(1)} s`);
    expect(took).toBeLessThan(20);
    const left = await readdir(out);
    expect(left.filter((f) => f.includes('.part'))).toEqual([]);
    if (outcome.ok) expect((await inspectMedia(outcome.path)).durationSec).toBeGreaterThan(0.5);
    else expect(outcome.code).toMatch(/^media\./);
  }, 60_000);

  it('an event that has not started (open playlist, no segment yet) is refused with media.not_started at once', async () => {
    const s = await live({ upcoming: true });
    const url = `${s.url}live.m3u8`;
    const detail = await probe(url, tools);
    expect(detail.result.live).toBe('is_upcoming');
    await expect(download({ url, preset: 'best', outDir: out, live: true }, tools, {}, detail)).rejects.toMatchObject({ code: 'media.not_started' });
    await expect(download({ url, preset: 'best', outDir: out }, tools, {}, detail)).rejects.toMatchObject({ code: 'media.not_started' });
    expect(await readdir(out)).toEqual([]);
    // Not cached: once the event starts, the next (cached-by-default) probe sees it live.
    s.start();
    await sleep(100);
    expect((await probe(url, tools)).result.live).toBe('is_live');
  }, 60_000);
});

describe('what cannot be recorded', () => {
  it('a live DASH stream (an MPD of type="dynamic"): media.live_unrecordable with live, media.live without, nothing left', async () => {
    // ffmpeg's DASH muxer writes a static MPD; the live one is the same presentation declared dynamic (ISO/IEC 23009-1 §5.3.1.2).
    const entry = await makeMedia(segs, 'dash-segmented', { durationSec: 3 });
    const mpd = await readFile(path.join(segs, entry), 'utf8');
    await writeFile(path.join(segs, 'dash-seg/live.mpd'), mpd.replace('type="static"', 'type="dynamic" availabilityStartTime="2026-01-01T00:00:00Z" minimumUpdatePeriod="PT2S"').replace(/\s*mediaPresentationDuration="[^"]*"/, ''));
    const server = await startMediaServer(segs);
    try {
      const url = `${server.url}dash-seg/live.mpd`;
      const detail = await probe(url, tools, { noCache: true });
      expect(detail.result.live).toBe('is_live');
      await expect(download({ url, preset: 'best', outDir: out, live: true }, tools, {}, detail)).rejects.toMatchObject({ code: 'media.live_unrecordable' });
      await expect(download({ url, preset: 'best', outDir: out }, tools, {}, detail)).rejects.toMatchObject({ code: 'media.live' });
      expect(await readdir(out)).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('live on a source that is not live downloads it whole', async () => {
    await makeMedia(segs, 'direct-mp4', { durationSec: 2 });
    const server = await startMediaServer(segs);
    try {
      const url = `${server.url}direct.mp4`;
      const r = await download({ url, preset: 'best', outDir: out, live: true }, tools, {}, await probe(url, tools, { noCache: true }));
      expect((await inspectMedia(r.path)).durationSec).toBeCloseTo(2, 0);
    } finally {
      await server.close();
    }
  }, 60_000);
});
