/**
 * A live stream end to end in headless Chromium: a page with a live HLS <video> served from 127.0.0.1
 * (live-hls-server.ts), the real popup, native host, yt-dlp and ffmpeg. The popup says "Live now", records,
 * Stop after ~3 s keeps a file ffprobe reads with about that duration, and a notification says so.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveHls, type LiveHls } from '../fixtures/live-hls-server.js';
import { ROOT, ensureBuilt } from './support/build.js';
import { launch, type Harness } from './support/chromium.js';
import { ffprobe } from './support/ffprobe.js';

const SHOTS = path.join(ROOT, 'test-results');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `live-${name}.png`) });

let segs: string;
let stream: LiveHls;
let h: Harness;

beforeAll(async () => {
  ensureBuilt();
  await mkdir(SHOTS, { recursive: true });
  segs = await mkdtemp(path.join(os.tmpdir(), 'nexstream-e2e-live-'));
  [stream, h] = await Promise.all([startLiveHls({ dir: segs, totalSec: 45, title: 'Morning Live Show' }), launch()]);
}, 120_000);

afterAll(async () => {
  await h?.close();
  await stream?.close();
  if (segs) await rm(segs, { recursive: true, force: true });
});

/** Seconds recorded, as the popup's recording card shows them. */
const recordedSec = (popup: Page) => popup.$eval('.job.recording .job-elapsed', (e) => Number(e.getAttribute('data-sec'))).catch(() => -1);

describe('live stream in the Chromium popup', () => {
  it('Live now -> Record from now -> Stop after ~3 s: a saved MP4 of about that length, and a notification', async () => {
    const tab = await h.open(`${stream.url}live.html`);
    const popup = await h.openPopup(tab);
    await popup.waitForSelector('.live-badge', { timeout: 45_000 });
    expect(await popup.$eval('.live-badge', (e) => e.textContent)).toContain('Live now');
    expect(await popup.$('form.picker:not(.live-card)')).toBeNull();
    await shot(popup, '1-live-now');
    await popup.click('label[data-preset="best"]');
    await popup.click('form.live-card button[type="submit"]');
    await popup.waitForSelector('.job.recording', { timeout: 15_000 });
    // From the first recorded second on, about 3 s more.
    await popup.waitForFunction(() => Number(document.querySelector('.job-elapsed')?.getAttribute('data-sec')) >= 1, { timeout: 30_000 });
    const from = await recordedSec(popup);
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 3000));
    await shot(popup, '2-recording');
    const wall = (Date.now() - t0) / 1000;
    const shown = await recordedSec(popup);
    await popup.click('.job.recording button.stop');
    const clickedAt = Date.now();
    await popup.waitForSelector('.job[data-status="done"], .job[data-status="failed"]', { timeout: 30_000 });
    const failed = await popup.$('.job[data-status="failed"]');
    if (failed) throw new Error(`recording failed: ${await failed.evaluate((e) => e.textContent)}`);
    await shot(popup, '3-saved');
    const savedAfterMs = Date.now() - clickedAt;
    const file = await popup.$eval('.job .path', (e) => e.textContent ?? '');
    expect(path.dirname(file)).toBe(h.dirs.downloads);
    const probed = ffprobe(file);
    const duration = Number(probed.format.duration);
    console.log(`[e2e live] recorded from ${from} s for ${wall.toFixed(1)} s wall (popup showed ${shown} s at Stop; saved ${savedAfterMs} ms after it) -> file ${duration.toFixed(2)} s`);
    expect(probed.format.format_name).toMatch(/mp4/);
    expect(probed.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(duration).toBeGreaterThan(from + wall - 1.5);
    expect(duration).toBeLessThan(from + wall + 3);
    // What the popup showed at Stop is in the file (HLS arrives a segment at a time, so up to ~one more).
    expect(duration).toBeGreaterThan(shown - 0.5);
    expect(duration).toBeLessThan(shown + 2.5);
    const notes = await h.worker.evaluate(() => (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll());
    expect(Object.keys(notes).some((k) => k.startsWith('nexstream-job:'))).toBe(true);
    await popup.close();
    await tab.close();
  }, 90_000);
});
