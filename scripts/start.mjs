#!/usr/bin/env node
// `npm start` (after scripts/setup.mjs): opens Chromium with NexStream loaded on a local demo page.
// Builds what is missing, makes a fresh profile, registers the host into it, serves a video made by
// ffmpeg on 127.0.0.1, then launches Chromium headful where there is a display. Without one it runs
// the same demo headless (popup -> MP3 download) and prints each step, so it never hangs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { register } from 'tsx/esm/api';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const say = (msg) => process.stdout.write(`[start] ${msg}\n`);
const HEADLESS_TIMEOUT_MS = 120_000;

// The fixtures and the extension id are TypeScript; tsx loads them without a build step.
register();
const { makeMedia } = await import('../tests/fixtures/make-media.ts');
const { startMediaServer } = await import('../tests/fixtures/media-server.ts');
const { CHROMIUM_EXTENSION_ID } = await import('../shared/extension-id.ts');

function findChromium() {
  const fixed = [
    process.env.NEXSTREAM_CHROMIUM,
    '/usr/lib/chromium/chromium', // Debian's real binary (/usr/bin/chromium is a wrapper script)
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  const hit = fixed.find((p) => p && existsSync(p));
  if (hit) return hit;
  for (const cmd of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const r = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { encoding: 'utf8' });
    if (r.status === 0) return r.stdout.trim();
  }
  return null;
}

const hasDisplay = () => process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function ensureBuilt() {
  if (!existsSync(path.join(root, 'dist/nexstream.mjs'))) execFileSync(process.execPath, [path.join(root, 'scripts/build-host.mjs')], { stdio: 'inherit' });
  if (!existsSync(path.join(root, '.output/chrome-mv3/manifest.json'))) {
    say('building the extension...');
    execFileSync(process.execPath, [path.join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

/** The demo clip is cached between runs: ffmpeg needs a few seconds on small machines. */
async function demoMedia() {
  const dir = path.join(os.tmpdir(), 'nexstream-demo-media-v1');
  if (!existsSync(path.join(dir, 'page.html'))) {
    say('generating the demo video with ffmpeg...');
    await mkdir(dir, { recursive: true });
    const title = 'NexStream Demo Clip';
    await makeMedia(dir, 'direct-mp4', { title, durationSec: 12 });
    await makeMedia(dir, 'thumb');
    await makeMedia(dir, 'page', { title });
  }
  return dir;
}

async function headlessDemo(browser, pageUrl, downloads) {
  const page = await browser.newPage();
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.bringToFront();
  const ext = (await browser.extensions()).get(CHROMIUM_EXTENSION_ID);
  const popupTarget = browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: 10_000 });
  await page.triggerExtensionAction(ext);
  const popup = await (await popupTarget).asPage();
  say('clicked the NexStream toolbar button: the popup is open');
  await popup.waitForSelector('[data-view="picker"], [data-view="host-missing"], [data-view="error"], [data-view="no-media"]', { timeout: 60_000 });
  const view = await popup.$eval('main', (e) => e.dataset.view);
  if (view !== 'picker') throw new Error(`the popup shows "${view}": ${await popup.$eval('main', (e) => e.innerText)}`);
  const options = await popup.$$eval('label.option', (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
  say(`the host probed the page; qualities offered:\n${options.map((o) => `          - ${o}`).join('\n')}`);
  await popup.click('label[data-preset="mp3-320"]');
  await popup.click('form.picker button[type="submit"]');
  say('picked MP3 320 and clicked Download');
  await popup.waitForSelector('.job[data-status="done"], .job[data-status="failed"]', { timeout: 90_000 });
  const text = await popup.$eval('.job', (e) => e.innerText.replace(/\s+/g, ' ').trim());
  const shot = path.join(downloads, 'popup.png');
  await popup.screenshot({ path: shot });
  say(`the popup says: ${text}`);
  say(`a screenshot of the popup: ${shot}`);
  return text.startsWith('✓');
}

async function main() {
  ensureBuilt();
  const chromium = findChromium();
  if (!chromium) {
    say('Chromium or Chrome was not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set NEXSTREAM_CHROMIUM.');
    return 1;
  }
  const headful = hasDisplay();
  const media = await demoMedia();
  const server = await startMediaServer(media);
  const pageUrl = `${server.url}page.html`;
  const profile = await mkdtemp(path.join(os.tmpdir(), 'nexstream-profile-'));
  // Headless runs download into a temp folder; a headful run uses your configured folder, as a real install would.
  const downloads = headful ? null : await mkdtemp(path.join(os.tmpdir(), 'nexstream-demo-downloads-'));
  const env = { ...process.env, ...(downloads ? { NEXSTREAM_DOWNLOAD_DIR: downloads } : {}) };
  execFileSync(process.execPath, [path.join(root, 'bin/nexstream.mjs'), 'install', '--profile-dir', profile], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  say(`fresh Chromium profile ${profile}, native host registered in it`);
  say(`demo page: ${pageUrl}`);

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: !headful,
    userDataDir: profile,
    pipe: true,
    defaultViewport: headful ? null : { width: 1280, height: 800 },
    enableExtensions: [path.join(root, '.output/chrome-mv3')],
    env,
    // Chromium refuses to run as root with its sandbox on.
    args: ['--no-first-run', '--no-default-browser-check', ...(isRoot ? ['--no-sandbox'] : [])],
  });
  const cleanup = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    await rm(profile, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void cleanup().then(() => process.exit(130)));

  if (headful) {
    const [first] = await browser.pages();
    await first.goto(pageUrl);
    say('Chromium is open with NexStream loaded. Click the NexStream button in the toolbar (pin it from the puzzle-piece menu).');
    say('Close the browser window (or press Ctrl+C) to stop.');
    await new Promise((resolve) => browser.once('disconnected', resolve));
    await cleanup();
    return 0;
  }

  say('no display ($DISPLAY / $WAYLAND_DISPLAY unset): running the demo headless instead.');
  say('to see the browser, run it under a virtual display: xvfb-run -a npm start');
  let ok = false;
  try {
    ok = await Promise.race([
      headlessDemo(browser, pageUrl, downloads),
      new Promise((_, reject) => setTimeout(() => reject(new Error('the headless demo took too long')), HEADLESS_TIMEOUT_MS).unref()),
    ]);
    if (ok) say(`done: the MP3 is in ${downloads}`);
  } catch (e) {
    say(`the headless demo failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  await cleanup();
  return ok ? 0 : 1;
}

process.exitCode = await main();
