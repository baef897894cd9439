/**
 * "Resolve this album / playlist" end to end in headless Chromium: a page on 127.0.0.1 linking to a
 * Deezer album, the context menu handler fired through contextMenus.onClicked.dispatch, the real host
 * listing and resolving the album against the stand-in providers and the stand-in yt-dlp search, and
 * the album window filling in with every track's match. The download itself goes through the batch job
 * (the video side's request): until that branch is merged the window shows the host's refusal.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMediaServer, type MediaServer } from '../fixtures/media-server.js';
import { ALBUM_ID, ALBUM_TRACKS, albumCatalog, writeAlbumCandidates } from '../fixtures/providers/albums.js';
import { loadCatalog, startProviders, type StandIns } from '../fixtures/providers/servers.js';
import { ROOT, ensureBuilt } from './support/build.js';
import { launch, type Harness } from './support/chromium.js';

const SHOTS = path.join(ROOT, 'test-results');
const ROUTER = path.join(ROOT, 'tests/e2e/support/ytdlp-route.mjs');
const ALBUM_URL = `https://www.deezer.com/album/${ALBUM_ID}`;

let dir: string;
let server: MediaServer;
let providers: StandIns;
let h: Harness;

beforeAll(async () => {
  ensureBuilt();
  await mkdir(SHOTS, { recursive: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'nexstream-e2e-album-'));
  await writeFile(path.join(dir, 'links.html'), `<!doctype html><meta charset="utf-8"><title>Albums</title><a id="album" href="${ALBUM_URL}">Night Signals</a>`);
  server = await startMediaServer(dir);
  providers = await startProviders(albumCatalog(loadCatalog()));
  h = await launch({
    env: {
      NEXSTREAM_DEEZER_API: providers.deezer.url,
      NEXSTREAM_ITUNES_API: providers.itunes.url,
      NEXSTREAM_ODESLI_API: providers.odesli.url,
      NEXSTREAM_YTDLP: ROUTER,
      NEXSTREAM_FAKE_SEARCH_CANDIDATES: writeAlbumCandidates(dir),
    },
  });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await providers?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function dispatchMenu(info: { menuItemId: string; pageUrl: string; linkUrl?: string }): Promise<void> {
  await h.worker.evaluate(async (i) => {
    type Chrome = { tabs: { query(q: { url: string }): Promise<unknown[]> }; contextMenus: { onClicked: { dispatch(info: unknown, tab: unknown): void } } };
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    const [tab] = await chrome.tabs.query({ url: i.pageUrl });
    chrome.contextMenus.onClicked.dispatch(i, tab); // undocumented, works in Chromium 156 (see shared/e2e-recipe.md)
  }, info);
}

describe('Resolve this album', () => {
  it('an album link opens the album window: every track listed, matched and verified; Download album is offered', async () => {
    const pageUrl = `${server.url}links.html`;
    await h.open(pageUrl);
    const t0 = Date.now();
    await dispatchMenu({ menuItemId: 'resolve-album-link', pageUrl, linkUrl: ALBUM_URL });
    const target = await h.browser.waitForTarget((t) => t.url().includes('/album.html?session='), { timeout: 10_000 });
    const view = (await target.asPage()) as Page;
    await view.waitForFunction(`document.querySelector('main')?.getAttribute('data-status') === 'done'`, { timeout: 60_000, polling: 200 });
    const ms = Date.now() - t0;
    expect(await view.$eval('[data-field="title"]', (e) => e.textContent)).toBe('Night Signals');
    const rows = await view.$$eval('[data-track]', (els) => els.map((e) => ({ status: e.getAttribute('data-status'), title: e.querySelector('[data-field="track-title"]')?.textContent, verified: !!e.querySelector('[data-field="verified"]'), confidence: e.querySelector('[data-field="confidence"]')?.textContent ?? '' })));
    expect(rows.map((r) => r.title)).toEqual(ALBUM_TRACKS.map((t) => t.title));
    expect(rows.every((r) => r.status === 'matched' && r.verified && /^score \d\.\d\d$/.test(r.confidence))).toBe(true);
    expect(await view.$eval('[data-action="download-album"]', (e) => e.textContent)).toBe('Download album (12 of 12)');
    await view.screenshot({ path: path.join(SHOTS, 'album-window.png'), fullPage: true });
    // Download album: one batch request to the host, which accepts it as a batch job.
    await view.click('[data-action="download-album"]');
    await view.waitForSelector('[data-field="batch-sent"], [data-field="batch-error"]', { timeout: 20_000 });
    expect(await view.$('[data-field="batch-error"]')).toBeNull();
    console.log(`[e2e] album window done in ${ms} ms`);
  }, 120_000);
});
