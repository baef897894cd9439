/**
 * "Use my browser's sign-in" end to end in headless Chromium: a cookie-gated local page (403 without the session cookie,
 * which the browser has), real native host, real yt-dlp/ffmpeg. The probe fails with a sign-in code, the popup offers the
 * browser's sign-in for the site, and the retry with the browser's cookies downloads the file; the cookie value is left
 * nowhere under the host's data, config and download folders.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia, pageHtml } from '../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../fixtures/media-server.js';
import { ensureBuilt } from './support/build.js';
import { launch, type Harness } from './support/chromium.js';
import { ffprobe } from './support/ffprobe.js';

const SECRET = `e2e-session-${process.pid}-${Date.now()}`;
let media: string;
let server: MediaServer;
let h: Harness;

beforeAll(async () => {
  ensureBuilt();
  media = await mkdtemp(path.join(os.tmpdir(), 'nexstream-e2e-gated-'));
  await mkdir(path.join(media, 'gated'));
  await Promise.all([makeMedia(path.join(media, 'gated'), 'direct-mp4'), makeMedia(path.join(media, 'gated'), 'thumb')]);
  await writeFile(path.join(media, 'gated', 'page.html'), pageHtml('Members Only Clip'));
  server = await startMediaServer(media, { cookieGate: { prefix: '/gated/', name: 'nexsession', value: SECRET } });
  h = await launch();
}, 120_000);

afterAll(async () => {
  await h?.close();
  await server?.close();
  if (media) await rm(media, { recursive: true, force: true });
});

function filesContaining(root: string, needle: string): string[] {
  if (!existsSync(root)) return [];
  const hits: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(path.join(p, n));
    else if (st.isFile() && readFileSync(p).includes(needle)) hits.push(p);
  };
  walk(root);
  return hits;
}

describe('signed-in download in Chromium', () => {
  it('offers the browser sign-in on a cookie-gated page, and the retry with its cookies succeeds', async () => {
    const pageUrl = `${server.url}gated/page.html`;
    const tab = await h.open(server.url);
    // The user is signed in to the site in this browser.
    await tab.setCookie({ name: 'nexsession', value: SECRET, url: server.url });
    await tab.goto(pageUrl);
    const popup = await h.openPopup(tab);
    const offer = await popup.waitForSelector('button.signin', { timeout: 60_000 });
    expect(await offer!.evaluate((e) => e.textContent)).toBe(`Use my browser’s sign-in for ${new URL(server.url).host}`);
    await offer!.click();
    await popup.waitForSelector('input[value="mp3-320"]', { timeout: 60_000 });
    await popup.click('label[data-preset="mp3-320"]');
    await popup.click('form.picker button[type="submit"]');
    await popup.waitForSelector('.job[data-status="done"], .job[data-status="failed"]', { timeout: 90_000 });
    const failed = await popup.$('.job[data-status="failed"]');
    if (failed) throw new Error(`job failed: ${await failed.evaluate((e) => e.textContent)}`);
    const file = await popup.$eval('.job .path', (e) => e.textContent ?? '');
    expect(ffprobe(file).streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('mp3');
    // The host's folders (config, data with the log, downloads) and the temp folder hold no cookie value.
    for (const d of ['config', 'data', 'downloads']) expect(filesContaining(path.join(h.dirs.root, d), SECRET)).toEqual([]);
    expect(readdirSync(os.tmpdir()).filter((n) => n.startsWith('nexstream-ck-') && filesContaining(path.join(os.tmpdir(), n), SECRET).length)).toEqual([]);
    await popup.close().catch(() => undefined);
    await tab.close();
  });
});
