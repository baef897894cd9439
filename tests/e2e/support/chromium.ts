/**
 * Headless Chromium with the built extension and, optionally, the native host registered in a fresh
 * profile (see ../../../shared/e2e-recipe.md). Everything lives under one temp dir removed by close().
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer-core';
import { CHROMIUM_EXTENSION_ID } from '../../../shared/extension-id.js';
import { EXTENSION_DIR, ROOT } from './build.js';

export const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p)) ?? 'chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface Harness {
  browser: Browser;
  worker: WebWorker;
  /** The service worker's target (to tell a restarted worker from the old one). */
  workerTarget: Target;
  dirs: { root: string; profile: string; downloads: string };
  /** Opens `url` in a tab, brings it to front, returns it. */
  open(url: string): Promise<Page>;
  /** Clicks the toolbar button for `tab` and returns the real popup page. */
  openPopup(tab: Page): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `env`: extra environment for the browser and so for the native host it starts (stand-in endpoints, tools).
 * `extensionDir`: another build of the extension (the bench's copy with a blank popup page added).
 */
export async function launch({ registerHost = true, extraArgs = [] as string[], env: extraEnv = {} as Record<string, string>, extensionDir = EXTENSION_DIR } = {}): Promise<Harness> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nexstream-e2e-'));
  const dirs = { root, profile: path.join(root, 'profile'), downloads: path.join(root, 'downloads') };
  await mkdir(dirs.profile, { recursive: true });
  await mkdir(dirs.downloads, { recursive: true });
  // The browser starts the host with its own environment: keep config, logs and files in the temp dir.
  const env = {
    ...process.env,
    NEXSTREAM_CONFIG_DIR: path.join(root, 'config'),
    NEXSTREAM_DATA_DIR: path.join(root, 'data'),
    NEXSTREAM_DOWNLOAD_DIR: dirs.downloads,
    ...extraEnv,
  };
  if (registerHost) {
    execFileSync(process.execPath, [path.join(ROOT, 'bin/nexstream.mjs'), 'install', '--profile-dir', dirs.profile], { env, stdio: 'pipe' });
  }
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: dirs.profile,
    pipe: true,
    args: [...ARGS, ...extraArgs],
    enableExtensions: [extensionDir],
    env,
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${CHROMIUM_EXTENSION_ID}/`), { timeout: 15_000 });
  const worker = (await target.worker())!;

  return {
    browser,
    worker,
    workerTarget: target,
    dirs,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.bringToFront();
      return page;
    },
    async openPopup(tab) {
      await tab.bringToFront();
      const ext = (await browser.extensions()).get(CHROMIUM_EXTENSION_ID);
      if (!ext) throw new Error('extension not loaded');
      const popupTarget = browser.waitForTarget((t) => t.url().endsWith('/popup.html') && t.type() === 'page', { timeout: 10_000 });
      await tab.triggerExtensionAction(ext);
      const popup = (await (await popupTarget).asPage())!;
      return popup;
    },
    async close() {
      await browser.close().catch(() => undefined);
      // The host the browser started may still be exiting (and writing its compile cache under root): retry.
      await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
