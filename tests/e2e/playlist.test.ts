/**
 * "This playlist" end to end in headless Chromium: a page with five videos -> choose 3 of 5 -> MP3s
 * with index prefixes, batch progress visible, one item cancelled mid-download leaving nothing; a
 * playlist whose second item fails (its file is not there yet) -> Retry failed -> it succeeds; the
 * Recent list shows the downloads, Show in folder opens the folder, Again downloads once more.
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
import { recordingBin, type RecordingBin } from '../fixtures/recording-bin.js';

const SHOTS = path.join(ROOT, 'test-results');
let media: string;
let server: MediaServer;
let h: Harness;
let opener: RecordingBin;

beforeAll(async () => {
  ensureBuilt();
  await mkdir(SHOTS, { recursive: true });
  media = await mkdtemp(path.join(os.tmpdir(), 'nexstream-e2e-pl-'));
  await makeMedia(media, 'audio-only', { durationSec: 3, title: 'Clip' });
  for (let i = 1; i <= 5; i++) await copyFile(path.join(media, 'audio-only.m4a'), path.join(media, `v${i}.m4a`));
  // Item 3 trickles (~6 s) so it can be cancelled while ffmpeg writes its .part.
  await writeFile(path.join(media, 'five.html'), multiVideoPage('Five Videos', ['v1.m4a', 'v2.m4a', 'v3.m4a?throttle=8000', 'v4.m4a', 'v5.m4a']));
  // r2.m4a is missing until the retry: its item fails (HTTP 404) the first time.
  for (const n of [1, 3]) await copyFile(path.join(media, 'audio-only.m4a'), path.join(media, `r${n}.m4a`));
  await writeFile(path.join(media, 'retry.html'), multiVideoPage('Retry Videos', ['r1.m4a', 'r2.m4a', 'r3.m4a']));
  server = await startMediaServer(media);
  // "Show in folder" runs the host's xdg-open: a stand-in on PATH records what it was asked to open.
  opener = recordingBin(media, ['xdg-open']);
  h = await launch({ env: { PATH: opener.path } });
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

  it('one item fails, Retry failed downloads it; Recent lists the files, Show in folder and Again work', async () => {
    const tab = await h.open(`${server.url}retry.html`);
    const popup = await h.openPopup(tab);
    const toggle = await popup.waitForSelector('xpath/.//button[contains(., "This playlist (3 items)")]', { timeout: 90_000 });
    await toggle?.click();
    await popup.waitForSelector('.playlist-row[data-index="3"]', { timeout: 15_000 });
    await popup.select('select[aria-label="Preset for all"]', 'mp3-320');
    await popup.click('.playlist-go button');
    await popup.waitForSelector('.batch[data-status="done"], .batch[data-status="failed"]', { timeout: 120_000 });
    expect(await popup.$eval('.batch-row[data-index="2"]', (e) => e.getAttribute('data-status'))).toBe('failed');
    expect(await popup.$eval('[data-testid="batch-totals"]', (e) => e.textContent)).toContain('2 done');
    const folder = path.join(h.dirs.downloads, 'Retry Videos');
    expect((await readdir(folder)).filter((f) => f.endsWith('.mp3')).sort()).toEqual(['Retry Videos (1).mp3', 'Retry Videos (3).mp3']);
    await popup.screenshot({ path: path.join(SHOTS, 'playlist-4-failed.png') });

    // The file appears upstream; Retry failed runs a batch of the failed item alone.
    await copyFile(path.join(media, 'audio-only.m4a'), path.join(media, 'r2.m4a'));
    const retry = await popup.waitForSelector('xpath/.//button[contains(., "Retry failed")]', { timeout: 5_000 });
    await retry?.click();
    await popup.waitForSelector('.batch[data-status="done"] .batch-row[data-index="2"][data-status="done"]', { timeout: 120_000 });
    expect((await readdir(folder)).filter((f) => f.endsWith('.mp3')).sort()).toEqual(['Retry Videos (1).mp3', 'Retry Videos (2).mp3', 'Retry Videos (3).mp3']);
    expect(ffprobe(path.join(folder, 'Retry Videos (2).mp3')).format.format_name).toBe('mp3');

    // Recent: the three downloads of this playlist, newest first, each with Show in folder and Again.
    await popup.click('.recent-box summary');
    await popup.waitForFunction(`[...document.querySelectorAll('.recent .recent-title')].filter((e) => e.textContent.startsWith('Retry Videos')).length >= 3`, { timeout: 15_000, polling: 200 });
    const titles = await popup.$$eval('.recent li', (lis) => lis.map((li) => ({ title: li.querySelector('.recent-title')?.textContent ?? '', path: li.querySelector('.recent-title')?.getAttribute('title') ?? '' })));
    const newest = titles[0];
    expect(newest?.path).toBe(path.join(folder, 'Retry Videos (2).mp3'));
    await popup.screenshot({ path: path.join(SHOTS, 'playlist-5-recent.png') });
    const before = opener.calls().length;
    await popup.click('.recent li:first-child button:nth-of-type(1)');
    for (let i = 0; i < 100 && opener.calls().length === before; i++) await new Promise((r) => setTimeout(r, 100));
    expect(opener.calls().slice(before)).toEqual([{ tool: 'xdg-open', args: [folder] }]);
    // Again: the same entry once more, as a single download (a new file beside the first, nothing overwritten).
    await popup.click('.recent li:first-child button:nth-of-type(2)');
    const again = async () => (await readdir(h.dirs.downloads, { recursive: true })).map(String).filter((f) => f.endsWith('.mp3'));
    const count = (await again()).length;
    for (let i = 0; i < 600 && (await again()).length === count; i++) await new Promise((r) => setTimeout(r, 200));
    expect((await again()).length).toBe(count + 1);
  }, 300_000);
});
