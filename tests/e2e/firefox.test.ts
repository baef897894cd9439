/**
 * NexStream in real Firefox ESR: the Firefox MV3 build installed as a temporary add-on (event-page
 * background), the host registered in the test HOME by `nexstream install --browser firefox`.
 * The popup page runs as a tab at its moz-extension:// URL; "Resolve this track" goes through
 * Firefox's real context menu; the options page round-trips the host config. Screenshots go to
 * test-results/. Skipped, saying why, only when no Firefox can be found (npm run setup installs it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia } from '../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../fixtures/media-server.js';
import { SEARCH_CANDIDATES } from '../fixtures/providers/endpoints.js';
import { startProviders, type StandIns } from '../fixtures/providers/servers.js';
import { localCatalog } from './support/local-catalog.js';
import { recordingBin, type RecordingBin } from '../fixtures/recording-bin.js';
import { ROOT, ensureFirefoxBuilt } from './support/build.js';
import { FIREFOX, chromeEval, launchFirefox, pollIn, type FirefoxHarness } from './support/firefox.js';
import { ffprobe } from './support/ffprobe.js';

const SHOTS = path.join(ROOT, 'test-results');
const ROUTER = path.join(ROOT, 'tests/e2e/support/ytdlp-route.mjs');
const SPOTIFY_TRACK = 'https://open.spotify.com/track/5W3cjX2J3tjhG8zb6u0qHn';
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `firefox-${name}.png`) });

let media: string;
let server: MediaServer;
let providers: StandIns;
let opener: RecordingBin;
let h: FirefoxHarness;
const timings: Record<string, number> = {};


/** A blog-like page linking to the track on Spotify: Firefox shows our link menu item on it. */
const trackLinkPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tracks of the week</title>
<style>body{font:20px system-ui;padding:40px}a{font-size:32px}</style></head>
<body><h1>Tracks of the week</h1><p><a id="track" href="${SPOTIFY_TRACK}">Daft Punk – Harder, Better, Faster, Stronger</a></p></body></html>`;

beforeAll(async () => {
  if (!FIREFOX) return;
  const t0 = Date.now();
  ensureFirefoxBuilt();
  await mkdir(SHOTS, { recursive: true });
  media = await mkdtemp(path.join(os.tmpdir(), 'nexstream-e2e-ff-media-'));
  await Promise.all([
    makeMedia(media, 'direct-mp4', { title: 'NexStream Firefox Clip', durationSec: 4 }),
    makeMedia(media, 'page', { title: 'NexStream Firefox Clip' }),
    makeMedia(media, 'thumb'),
    makeMedia(media, 'audio-only'),
  ]);
  await mkdir(path.join(media, 'art'));
  for (const size of ['100x100bb.jpg', '1200x1200bb.jpg']) await copyFile(path.join(media, 'thumb.jpg'), path.join(media, 'art', size));
  await writeFile(path.join(media, 'links.html'), trackLinkPage);
  server = await startMediaServer(media);
  providers = await startProviders(localCatalog(server.url));
  opener = recordingBin(media, ['xdg-open']);
  h = await launchFirefox({
    env: {
      PATH: opener.path,
      NEXSTREAM_DEEZER_API: providers.deezer.url,
      NEXSTREAM_ITUNES_API: providers.itunes.url,
      NEXSTREAM_ODESLI_API: providers.odesli.url,
      NEXSTREAM_YTDLP: ROUTER,
      NEXSTREAM_FAKE_SEARCH_CANDIDATES: SEARCH_CANDIDATES,
      NEXSTREAM_E2E_WATCH_URL: `${server.url}direct.mp4`,
    },
  });
  timings.setup = Date.now() - t0;
}, 180_000);

afterAll(async () => {
  await h?.close();
  await providers?.close();
  await server?.close();
  if (media) await rm(media, { recursive: true, force: true });
  if (Object.keys(timings).length) console.log('[e2e] firefox timings (ms):', JSON.stringify(timings));
});

describe.skipIf(!FIREFOX)(`NexStream in Firefox ESR${FIREFOX ? '' : ' (skipped: firefox-esr is not installed and apt-get could not install it)'}`, () => {
  it('the popup page shows the qualities and downloads a tagged MP3; show in folder goes through the host', async () => {
    const t0 = Date.now();
    const pageUrl = `${server.url}page.html`;
    const tab = await h.open(pageUrl);
    const probeTab = await h.openExtensionPage('options.html', 'true');
    const tabId = await h.tabIdOf(probeTab, pageUrl);
    await probeTab.close();
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, `document.querySelector('h1.title')?.textContent === 'NexStream Firefox Clip'`);
    timings.popupMeta = Date.now() - t0;
    await pollIn(popup, `!!document.querySelector('input[value="mp3-320"]')`, 60_000);
    timings.qualities = Date.now() - t0;
    const presets = await popup.$$eval('input[name="preset"]', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(presets).toEqual(expect.arrayContaining(['best', 'mp4-360', 'mp3-320', 'mp3-192', 'm4a', 'opus', 'flac']));
    await shot(popup, '1-picker');

    await popup.evaluate(`window.__notes = []; for (const ev of ['onShown', 'onClosed']) browser.notifications[ev].addListener((id) => window.__notes.push(ev.slice(2).toLowerCase() + ':' + id))`);
    await popup.click('label[data-preset="mp3-320"]');
    await popup.click('form.picker button[type="submit"]');
    await pollIn(popup, `!!document.querySelector('.job[data-status="done"], .job[data-status="failed"]')`, 90_000);
    timings.download = Date.now() - t0;
    await shot(popup, '2-done');
    expect(await popup.$('.job[data-status="failed"]'), await popup.$eval('.job', (e) => e.textContent ?? '')).toBeNull();
    const file = await popup.$eval('.job .path', (e) => e.textContent ?? '');
    expect(file.startsWith(h.dirs.downloads)).toBe(true);
    const probed = ffprobe(file);
    expect(probed.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('mp3');
    expect(probed.format.tags?.title).toBe('NexStream Firefox Clip');

    // Headless Firefox has no alert service: a notification is closed as soon as it is created, so
    // getAll() is empty by now and onShown never fires; onClosed with our id (seen from any extension
    // page) proves the background created it.
    const seen = await pollIn<string[]>(popup, `window.__notes.some((n) => /^(shown|closed):nexstream-job:/.test(n)) && window.__notes`);
    expect(seen.some((n) => n.includes('nexstream-job:'))).toBe(true);

    await popup.click('.job.done button.primary');
    await waitUntil(() => opener.calls().length > 0);
    expect(opener.calls()).toEqual([{ tool: 'xdg-open', args: [path.dirname(file)] }]);
    await popup.close();
    await tab.close();
  }, 120_000);

  it('"Resolve this track" from Firefox\'s context menu on a Spotify link opens the track view with the verified match; MP3 320 with the official tags', async () => {
    const tab = await h.open(`${server.url}links.html`);
    const t0 = Date.now();
    await h.contextMenu(tab, '#track', 'Resolve this track');
    const view = await h.findPage((u) => u.includes('/track.html?session='));
    timings.trackWindow = Date.now() - t0;
    await pollIn(view, `document.querySelector('main')?.getAttribute('data-status') === 'done'`, 30_000);
    timings.matched = Date.now() - t0;
    const text = (sel: string) => view.$eval(sel, (el) => el.textContent ?? '');
    expect(await text('[data-field="title"]')).toBe('Harder, Better, Faster, Stronger');
    expect(await text('[data-field="artists"]')).toBe('Daft Punk');
    expect(await text('[data-field="isrc"]')).toContain('GBDUW0000059');
    expect(await view.$('[data-field="verified"]')).not.toBeNull();
    expect(await text('[data-field="match"]')).toBe('Harder, Better, Faster, Stronger');
    await shot(view, '3-track-matched');

    // MP3 320 of the match, through the same pipeline, with the catalogue's tags.
    await view.click('button[data-preset="mp3-320"]');
    await pollIn(view, `!!document.querySelector('.job[data-status="done"], .job[data-status="failed"]')`, 40_000);
    timings.trackDownload = Date.now() - t0;
    expect(await view.$('.job[data-status="failed"]'), await view.$eval('.job', (e) => e.textContent ?? '')).toBeNull();
    const mp3 = (await readdir(h.dirs.downloads)).filter((f) => f.endsWith('.mp3') && f.includes('Harder'));
    expect(mp3).toHaveLength(1);
    expect(ffprobe(path.join(h.dirs.downloads, mp3[0]!)).format.tags).toMatchObject({ title: 'Harder, Better, Faster, Stronger', artist: 'Daft Punk', album: 'Discovery', tsrc: 'GBDUW0000059' });
    await view.close();
    await tab.close();
  }, 60_000);

  it('the options page reads and writes the host config', async () => {
    const ready = (v: string) => `(document.querySelector('input[name="concurrency"]') || {}).value === ${JSON.stringify(v)}`;
    const opts = await h.openExtensionPage('options.html', `(document.querySelector('input[name="downloadDir"]') || {}).value === ${JSON.stringify(h.dirs.downloads)}`);
    await opts.$eval('input[name="concurrency"]', (e) => (e as HTMLInputElement).select());
    await opts.type('input[name="concurrency"]', '3');
    await opts.click('button[type="submit"]');
    await pollIn(opts, `document.querySelector('[role="status"]')?.textContent === 'Saved.'`);
    await shot(opts, '4-options');
    await opts.close();
    // A fresh options page reads the value back from the host's config file.
    const again = await h.openExtensionPage('options.html', ready('3'));
    await again.close();
  }, 30_000);
});

describe.skipIf(!FIREFOX)('NexStream in Firefox ESR: the event page', () => {
  it('a stopped event page restarts on the next popup, connects to a new host and probes again', async () => {
    // Firefox's own way to stop an idle event page (what its idle timeout does), run in the parent process.
    const ext = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.GlobalManager.getExtension('nexstream@nexstream.app')`;
    const state = async () => ((await chromeEval(h.browser, `${ext}.backgroundState`)) as { value: string }).value;
    const before = hostPids();
    expect(await state()).toBe('running');
    // An open native port keeps a Firefox event page alive (as connectNative keeps Chromium's
    // worker alive): end the host first, as a crash or an update would; with no popup and no job
    // open the background does not reconnect, and the page may stop.
    for (const pid of before) stopProcess(Number(pid));
    await waitUntilAsync(async () => {
      await chromeEval(h.browser, `${ext}.terminateBackground()`);
      return (await state()) === 'stopped';
    });
    const pageUrl = `${server.url}page.html`;
    await h.open(pageUrl);
    const probeTab = await h.openExtensionPage('options.html', 'true');
    const tabId = await h.tabIdOf(probeTab, pageUrl);
    await probeTab.close();
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, `!!document.querySelector('input[value="mp3-320"]')`);
    expect(await state()).toBe('running');
    // The old port died with the page: the qualities came from a host process started after it.
    expect(hostPids().filter((p) => !before.includes(p))).not.toEqual([]);
    await popup.close();
  }, 60_000);
});

describe.skipIf(!FIREFOX)('NexStream in Firefox ESR without the host', () => {
  it('maps Firefox\'s own "no such native application" error to the one command to run', async () => {
    const bare = await launchFirefox({ registerHost: false });
    try {
      const pageUrl = `${server.url}page.html`;
      await bare.open(pageUrl);
      const probeTab = await bare.openExtensionPage('options.html', 'true');
      const tabId = await bare.tabIdOf(probeTab, pageUrl);
      const popup = await bare.openExtensionPage(`popup.html?tab=${tabId}`, `!!document.querySelector('.host-missing code')`);
      expect(await popup.$eval('.host-missing code', (e) => e.textContent)).toBe('npx nexstream install');
      await shot(popup, '5-host-missing');
    } finally {
      await bare.close();
    }
  }, 60_000);
});

/** Pids of every host process the browser started so far, from the host's log file. */
function hostPids(): string[] {
  const log = path.join(h.dirs.root, 'data', 'logs', 'host.log');
  return existsSync(log) ? [...readFileSync(log, 'utf8').matchAll(/host \S+ started \(pid (\d+)/g)].map((m) => m[1]!) : [];
}

/** SIGTERM to `pid` only if it is still one of this suite's hosts (a logged pid may since belong to anyone). */
function stopProcess(pid: number): void {
  let environ: string;
  try {
    environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
  } catch {
    return; // already gone: each host exits when its port closes
  }
  if (environ.split('\0').includes(`NEXSTREAM_DATA_DIR=${path.join(h.dirs.root, 'data')}`)) process.kill(pid, 'SIGTERM');
}

async function waitUntilAsync(cond: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitUntil(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
