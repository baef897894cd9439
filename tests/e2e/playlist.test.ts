/**
 * "This playlist" end to end in headless Chromium: a page with five videos -> choose 3 of 5 -> MP3s
 * with index prefixes, batch progress visible, one item cancelled mid-download leaving nothing.
 * Real popup, real native host, real yt-dlp/ffmpeg; media generated with ffmpeg on 127.0.0.1.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia } from '../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../fixtures/media-server.js';
import { multiVideoPage } from '../fixtures/podcast-feed.js';
import { ROOT, ensureBuilt } from './support/build.js';
import { launch, type Harness } from './support/chromium.js';
import { ffprobe } from './support/ffprobe.js';

const SHOTS = path.join(ROOT, 'test-results');
let media: string;
let server: MediaServer;
let h: Harness;

beforeAll(async () => {
  ensureBuilt();
  await mkdir(SHOTS, { recursive: true });
  media = await mkdtemp(path.join(os.tmpdir(), 'nexstream-e2e-pl-'));
  await makeMedia(media, 'audio-only', { durationSec: 3, title: 'Clip' });
  for (let i = 1; i <= 5; i++) await copyFile(path.join(media, 'audio-only.m4a'), path.join(media, `v${i}.m4a`));
  // Item 3 trickles (~6 s) so it can be cancelled while ffmpeg writes its .part.
  await writeFile(path.join(media, 'five.html'), multiVideoPage('Five Videos', ['v1.m4a', 'v2.m4a', 'v3.m4a?throttle=8000', 'v4.m4a', 'v5.m4a']));
  server = await startMediaServer(media);
  h = await launch();
}, 180_000);

afterAll(async () => {
  await h?.close();
  await server?.close();
  if (media) await rm(media, { recursive: true, force: true });
});

describe('This playlist in the popup', () => {
  it('choose 3 of 5, MP3 with index prefixes, progress per item, one cancelled leaves nothing', async () => {
    const tab = await h.open(`${server.url}five.html`);
    const popup = await h.openPopup(tab);
    const toggle = await popup.waitForSelector('xpath/.//button[contains(., "This playlist (5 items)")]', { timeout: 90_000 });
    await toggle?.click();
    await popup.waitForSelector('.playlist-row[data-index="5"]', { timeout: 15_000 });
    await popup.screenshot({ path: path.join(SHOTS, 'playlist-1-list.png') });
    await popup.click('.playlist-row[data-index="2"] input');
    await popup.click('.playlist-row[data-index="4"] input');
    await popup.click('[data-testid="index-prefix"]');
    await popup.select('select[aria-label="Preset for all"]', 'mp3-320');
    expect(await popup.$eval('.playlist-go button', (b) => b.textContent)).toBe('Download 3');
    await popup.click('.playlist-go button');

    await popup.waitForSelector('.batch-row[data-index="3"][data-status="running"]', { timeout: 60_000 });
    const folder = path.join(h.dirs.downloads, 'Five Videos');
    const hasPart = async () => (await readdir(folder).catch(() => [] as string[])).some((f) => f.startsWith('03 - ') && f.endsWith('.part'));
    for (let i = 0; i < 300 && !(await hasPart()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await hasPart()).toBe(true);
    expect(await popup.$eval('[data-testid="batch-totals"]', (e) => e.textContent)).toMatch(/\/3/);
    await popup.screenshot({ path: path.join(SHOTS, 'playlist-2-progress.png') });
    await popup.click('.batch-row[data-index="3"] button');

    await popup.waitForSelector('.batch[data-status="done"]', { timeout: 90_000 });
    await popup.screenshot({ path: path.join(SHOTS, 'playlist-3-done.png') });
    expect(await popup.$eval('.batch-row[data-index="3"]', (e) => e.getAttribute('data-status'))).toBe('cancelled');
    expect(await popup.$eval('[data-testid="batch-totals"]', (e) => e.textContent)).toContain('2 done');
    const files = (await readdir(folder)).sort();
    expect(files).toEqual(['01 - Five Videos (1).mp3', '05 - Five Videos (5).mp3', 'Five Videos.m3u8']);
    const probe = ffprobe(path.join(folder, '01 - Five Videos (1).mp3'));
    expect(probe.format.format_name).toBe('mp3');
    expect(probe.streams.find((st) => st.codec_type === 'audio')?.codec_name).toBe('mp3');
  }, 240_000);
});
