/**
 * "Resolve this album / playlist" end to end in headless Chromium: a page on 127.0.0.1 linking to a
 * Deezer album, the context menu handler fired through contextMenus.onClicked.dispatch, the real host
 * listing and resolving the album against the stand-in providers and the stand-in yt-dlp search, and
 * the album window filling in with every track's match; then Download album: one batch job of the host
 * downloads every track (the router sends the matched YouTube links to a local clip) into
 * `<Album artist>/<Album>/` with album tags, the cover and LRCLIB lyrics, checked by ffprobe.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia } from '../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../fixtures/media-server.js';
import { ALBUM_ID, ALBUM_TRACKS, albumCatalog, writeAlbumCandidates } from '../fixtures/providers/albums.js';
import { loadCatalog, startProviders, type StandIns } from '../fixtures/providers/servers.js';
import { ROOT, ensureBuilt } from './support/build.js';
import { launch, type Harness } from './support/chromium.js';
import { ffprobe } from './support/ffprobe.js';

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
  await Promise.all([makeMedia(dir, 'audio-only', { durationSec: 4, title: 'Local Clip' }), makeMedia(dir, 'thumb')]);
  server = await startMediaServer(dir);
  // The album's cover is served on 127.0.0.1 (the real cover_xl is Deezer's CDN); LRCLIB knows one track at the clip's length.
  const catalog = albumCatalog(loadCatalog());
  for (const a of catalog.collections.deezerAlbums) Object.assign(a.album, { cover_xl: `${server.url}thumb.jpg` });
  catalog.lyrics = [{ id: 81, trackName: 'Copper Rain', artistName: 'The Stand-ins', albumName: 'Night Signals', duration: 4, instrumental: false, plainLyrics: 'copper rain falls', syncedLyrics: '[00:01.00] copper rain falls' }];
  providers = await startProviders(catalog);
  h = await launch({
    env: {
      NEXSTREAM_DEEZER_API: providers.deezer.url,
      NEXSTREAM_ITUNES_API: providers.itunes.url,
      NEXSTREAM_ODESLI_API: providers.odesli.url,
      NEXSTREAM_LRCLIB_URL: providers.lrclib.url,
      NEXSTREAM_E2E_WATCH_URL: `${server.url}audio-only.m4a`,
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
  it('an album link opens the album window: every track listed, matched and verified; Download album writes the tagged files', async () => {
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

    // The files: 12 MP3s and the .m3u8 in <Album artist>/<Album>/, album tags, cover and lyrics read back by ffprobe.
    const folder = path.join(h.dirs.downloads, 'The Stand-ins', 'Night Signals');
    const m3u8 = path.join(folder, 'Night Signals.m3u8');
    for (let i = 0; i < 900 && !existsSync(m3u8); i++) await new Promise((r) => setTimeout(r, 200));
    const files = (await readdir(folder)).sort();
    expect(files).toEqual([...ALBUM_TRACKS.map((t) => `${t.disc}-${String(t.position).padStart(2, '0')} - ${t.title}.mp3`), 'Night Signals.m3u8'].sort());
    const p = ffprobe(path.join(folder, '2-02 - Copper Rain.mp3'));
    const tags = Object.fromEntries(Object.entries(p.format.tags ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    expect(tags).toMatchObject({ title: 'Copper Rain', artist: 'The Stand-ins', album: 'Night Signals', album_artist: 'The Stand-ins', track: '2/12', disc: '2/2', date: '2026-03-06', tsrc: 'QZAAA2600008', compilation: '0', genre: 'Electro', 'lyrics-eng': '[00:01.00] copper rain falls' });
    // The full-size cover (the album's cover_xl) is the file's attached picture.
    expect(p.streams.some((st) => st.codec_type === 'video' && st.disposition?.attached_pic === 1)).toBe(true);
    const first = ffprobe(path.join(folder, '1-01 - Opening Lights.mp3'));
    expect(Object.keys(first.format.tags ?? {}).some((k) => k.toLowerCase().startsWith('lyrics'))).toBe(false);
    expect(first.format.tags?.track ?? first.format.tags?.TRACK).toBe('1/12');
    expect(providers.lrclib.userAgents.every((ua) => ua.includes('NexStream'))).toBe(true);
    await view.screenshot({ path: path.join(SHOTS, 'album-window-downloaded.png'), fullPage: true });
  }, 300_000);
});
