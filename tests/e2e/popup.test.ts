/**
 * The extension end to end in headless Chromium: real popup, real native host, real yt-dlp/ffmpeg,
 * media generated with ffmpeg and served on 127.0.0.1. Screenshots go to test-results/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia } from '../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../fixtures/media-server.js';
import { recordingBin, type RecordingBin } from '../fixtures/recording-bin.js';
import { CHROMIUM_EXTENSION_ID } from '../../shared/extension-id.js';
import { ROOT, ensureBuilt } from './support/build.js';
import { launch, type Harness } from './support/chromium.js';
import { ffprobe } from './support/ffprobe.js';
import { startThrottleProxy } from './support/throttle-proxy.js';

const SHOTS = path.join(ROOT, 'test-results');
const FIRST_META_MARK = 'nexstream:page-meta-rendered';
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `popup-${name}.png`) });

let media: string;
let server: MediaServer;
let slow: Awaited<ReturnType<typeof startThrottleProxy>>;
let h: Harness;
let opener: RecordingBin;
const timings: Record<string, number> = {};

beforeAll(async () => {
  ensureBuilt();
  await mkdir(SHOTS, { recursive: true });
  media = await mkdtemp(path.join(os.tmpdir(), 'nexstream-e2e-media-'));
  await makeMedia(media, 'direct-mp4', { title: 'NexStream Demo Clip', durationSec: 6 });
  await Promise.all([makeMedia(media, 'thumb'), makeMedia(media, 'page', { title: 'NexStream Demo Clip' }), makeMedia(media, 'hls', { durationSec: 4 })]);
  // A player that builds its <video> after load (no <video> in the HTML yt-dlp sees).
  await writeFile(
    path.join(media, 'late.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Late Arrival Clip</title></head><body><h1>Late</h1>
<script>setTimeout(() => { const v = document.createElement('video'); v.controls = true; v.src = 'direct' + '.mp4'; document.body.append(v); }, 400);</script></body></html>`,
  );
  await writeFile(path.join(media, 'hls.html'), `<!doctype html><html><head><meta charset="utf-8"><title>HLS Stream Clip</title></head><body><video controls src="hls/index.m3u8"></video></body></html>`);
  server = await startMediaServer(media);
  // ~1.3 MB clip at 400 KB/s: a few seconds of visible progress.
  slow = await startThrottleProxy(server.url, 400_000);
  // "Show in folder" runs the host's xdg-open: a stand-in on PATH records what it was asked to open.
  opener = recordingBin(media, ['xdg-open']);
  h = await launch({ env: { PATH: opener.path } });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await slow?.close();
  await server?.close();
  if (media) await rm(media, { recursive: true, force: true });
  if (Object.keys(timings).length) console.log('[e2e] popup time to first render with page metadata (ms):', JSON.stringify(timings), 'phases:', JSON.stringify(phases));
});

const phases: Record<string, Record<string, number>> = {};

/** ms from the popup's navigation start to the first paint with page metadata (and the phases before it). */
async function firstRenderMs(popup: Page, name: string): Promise<number> {
  await popup.waitForFunction((m) => performance.getEntriesByName(m).length > 0, { timeout: 10_000 }, FIRST_META_MARK);
  const marks = await popup.evaluate(() => {
    const at = (n: string) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1);
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? -1), script: at('nexstream:popup-script'), firstState: at('nexstream:first-state'), metaRendered: at('nexstream:page-meta-rendered') };
  });
  phases[name] = marks;
  return marks.metaRendered;
}

async function waitUntil(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Chrome = { tabs: { query(q: { url: string }): Promise<Array<{ id: number }>> }; action: { getBadgeText(d: { tabId: number }): Promise<string> } };

/** The badge of the tab showing `url`, polled in the service worker until it is set (or 5 s pass). */
function badgeText(url: string): Promise<string> {
  return h.worker.evaluate(async (u) => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    const [tab] = await c.tabs.query({ url: u });
    let text = '';
    for (let i = 0; i < 50 && !text; i++) {
      text = await c.action.getBadgeText({ tabId: tab!.id });
      if (!text) await new Promise((r) => setTimeout(r, 100));
    }
    return text;
  }, url);
}

async function pickAndDownload(popup: Page, preset: string): Promise<void> {
  await popup.waitForSelector(`input[value="${preset}"]`, { timeout: 60_000 });
  await popup.click(`label[data-preset="${preset}"]`);
  await popup.click('form.picker button[type="submit"]');
  await popup.waitForSelector('[data-view="job"]', { timeout: 15_000 });
}

async function finishedPath(popup: Page): Promise<string> {
  await popup.waitForSelector('.job[data-status="done"], .job[data-status="failed"]', { timeout: 90_000 });
  const failed = await popup.$('.job[data-status="failed"]');
  if (failed) throw new Error(`job failed: ${await failed.evaluate((e) => e.textContent)}`);
  return popup.$eval('.job .path', (e) => e.textContent ?? '');
}

describe('NexStream popup in Chromium', () => {
  it('direct <video> page: metadata at once, qualities, MP3 320 with progress, survives reopen, tagged file, notification', async () => {
    const tab = await h.open(`${slow.url}page.html`);
    const popup = await h.openPopup(tab);
    await shot(popup, '1-loading');
    timings.direct = await firstRenderMs(popup, 'direct');
    expect(await popup.$eval('h1.title', (e) => e.textContent)).toBe('NexStream Demo Clip');

    await popup.waitForSelector('input[value="mp3-320"]', { timeout: 60_000 });
    const presets = await popup.$$eval('input[name="preset"]', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(presets.slice(0, 2)).toEqual(['best', 'mp4-360']);
    expect(presets).toEqual(expect.arrayContaining(['mp3-320', 'mp3-192', 'm4a', 'opus', 'flac']));
    expect(await popup.$eval('input[name="preset"]:checked', (e) => (e as HTMLInputElement).value)).toBe('mp4-360');
    await shot(popup, '2-picker');
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await shot(popup, '2-picker-dark');
    await popup.emulateMediaFeatures([]);

    await pickAndDownload(popup, 'mp3-320');
    await popup.waitForFunction(() => Number(document.querySelector('.job[data-status="running"] [role="progressbar"]')?.getAttribute('aria-valuenow')) >= 5, { timeout: 30_000 });
    await shot(popup, '3-progress');

    // Close the popup mid-job and reopen it: the background kept the job.
    await popup.close();
    const again = await h.openPopup(tab);
    timings.reopen = await firstRenderMs(again, 'reopen');
    await again.waitForSelector('[data-view="job"]', { timeout: 5_000 });
    const file = await finishedPath(again);
    await shot(again, '4-done');

    expect(file.startsWith(h.dirs.downloads)).toBe(true);
    expect(existsSync(file)).toBe(true);
    const probed = ffprobe(file);
    expect(probed.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('mp3');
    expect(probed.format.tags?.title).toBe('NexStream Demo Clip');

    // Runs in the service worker, where `chrome` exists; typed loosely here (node-side tsconfig).
    const notes = await h.worker.evaluate(() => (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll());
    expect(Object.keys(notes).some((id) => id.startsWith('nexstream-job:'))).toBe(true);

    // "Show in folder": the host opens the file manager on the download folder.
    await again.click('.job.done button.primary');
    await waitUntil(() => opener.calls().length > 0, 10_000);
    expect(opener.calls()).toEqual([{ tool: 'xdg-open', args: [path.dirname(file)] }]);
    await again.close().catch(() => undefined);
    await tab.close();
  });

  it('a <video> added after load: the page URL fails in yt-dlp, the detected src works', async () => {
    const tab = await h.open(`${server.url}late.html`);
    await tab.waitForSelector('video');
    // The content script's MutationObserver saw the new <video>: the toolbar badge counts it.
    expect(await badgeText(`${server.url}late.html`)).toBe('1');
    const popup = await h.openPopup(tab);
    timings.late = await firstRenderMs(popup, 'late');
    expect(await popup.$eval('h1.title', (e) => e.textContent)).toBe('Late Arrival Clip');
    await pickAndDownload(popup, 'mp3-320');
    const file = await finishedPath(popup);
    expect(ffprobe(file).format.tags?.title).toBe('Late Arrival Clip');
    await popup.close();
    await tab.close();
  });

  it('an HLS stream: qualities from the manifest, MP3 320 from the segments', async () => {
    const tab = await h.open(`${server.url}hls.html`);
    const popup = await h.openPopup(tab);
    timings.hls = await firstRenderMs(popup, 'hls');
    await pickAndDownload(popup, 'mp3-320');
    const file = await finishedPath(popup);
    const probed = ffprobe(file);
    expect(probed.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('mp3');
    expect(probed.format.tags?.title).toBe('HLS Stream Clip');
    expect(Number(probed.format.duration)).toBeGreaterThan(3);
    await popup.close();
    await tab.close();
  });
});

describe('NexStream options and service-worker restart', () => {
  it('the options page reads and writes the host config', async () => {
    const opts = await h.browser.newPage();
    const url = `chrome-extension://${CHROMIUM_EXTENSION_ID}/options.html`;
    await opts.goto(url);
    await opts.waitForFunction((dir) => (document.querySelector('input[name="downloadDir"]') as HTMLInputElement | null)?.value === dir, { timeout: 10_000 }, h.dirs.downloads);
    await opts.$eval('input[name="concurrency"]', (e) => (e as HTMLInputElement).select());
    await opts.type('input[name="concurrency"]', '3');
    await opts.click('button[type="submit"]');
    await opts.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Saved.', { timeout: 10_000 });
    await opts.reload();
    await opts.waitForFunction(() => (document.querySelector('input[name="concurrency"]') as HTMLInputElement | null)?.value === '3', { timeout: 10_000 });
    await opts.close();
  });

  it('a stopped service worker restarts, connects to a new host and probes again', async () => {
    // Stop the worker the way Chromium does when it is idle; its port and host go with it.
    const page = await h.browser.newPage();
    await page.goto(`chrome-extension://${CHROMIUM_EXTENSION_ID}/options.html`);
    const cdp = await page.createCDPSession();
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => e.versions.forEach((v) => status.set(v.versionId, v.runningStatus)));
    await cdp.send('ServiceWorker.enable');
    // Under load Chromium may already have stopped the idle worker: then there is nothing to stop.
    await waitUntil(() => status.size > 0, 30_000);
    const running = [...status].find(([, st]) => st === 'running');
    if (running) {
      await cdp.send('ServiceWorker.stopWorker', { versionId: running[0] });
      await waitUntil(() => status.get(running[0]) === 'stopped', 30_000);
    }
    await page.close();

    const tab = await h.open(`${server.url}page.html`);
    const popup = await h.openPopup(tab);
    await popup.waitForSelector('h1.title', { timeout: 10_000 });
    await popup.waitForSelector('input[value="mp3-320"]', { timeout: 60_000 });
    await popup.close();
    await tab.close();
  });
});

describe('NexStream popup without the host', () => {
  it('shows the one command to run', async () => {
    const bare = await launch({ registerHost: false });
    try {
      const tab = await bare.open(`${server.url}page.html`);
      const popup = await bare.openPopup(tab);
      await popup.waitForSelector('.host-missing', { timeout: 15_000 });
      expect(await popup.$eval('.host-missing code', (e) => e.textContent)).toBe('npx nexstream install');
      await shot(popup, '5-host-missing');
    } finally {
      await bare.close();
    }
  });
});
