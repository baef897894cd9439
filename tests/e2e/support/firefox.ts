/**
 * Headless Firefox ESR with NexStream installed as a temporary add-on and the native host registered
 * in a test HOME, driven over WebDriver BiDi (see ../../../shared/e2e-recipe.md, Firefox section).
 * Everything lives under one temp dir removed by close().
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_EXTENSION_ID } from '../../../shared/extension-id.js';
import { FIREFOX_EXTENSION_DIR, ROOT } from './build.js';

export const FIREFOX = ['/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p)) ?? null;
/** Fixed so the test knows the extension's origin before it installs (Firefox picks a random one). */
export const FIREFOX_UUID = '6f1c3a52-8e0b-4d7a-9f21-3c5b7e9d0a14';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

export interface FirefoxHarness {
  browser: Browser;
  dirs: { root: string; home: string; profile: string; downloads: string };
  /** Opens `url` in a new tab (a normal web page: load events work). */
  open(url: string): Promise<Page>;
  /** Opens an extension page in a new tab and waits until `ready` holds in it. */
  openExtensionPage(pagePath: string, ready: string): Promise<Page>;
  /** The tab id the extension knows for the tab showing `url` (asked from an extension page). */
  tabIdOf(extPage: Page, url: string): Promise<number>;
  close(): Promise<void>;
}

/** Polls `fn` in the page (navigation to moz-extension:// never reports "load" over BiDi). */
export async function pollIn<T>(page: Page, fn: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await page.evaluate(fn).catch(() => undefined);
    if (v) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${fn}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function launchFirefox({ env: extraEnv = {} as Record<string, string> } = {}): Promise<FirefoxHarness> {
  if (!FIREFOX) throw new Error('firefox-esr is not installed (npm run setup installs it)');
  const root = await mkdtemp(path.join(os.tmpdir(), 'nexstream-e2e-ff-'));
  const dirs = { root, home: path.join(root, 'home'), profile: path.join(root, 'profile'), downloads: path.join(root, 'downloads') };
  await Promise.all([dirs.home, dirs.profile, dirs.downloads].map((d) => mkdir(d, { recursive: true })));
  // Firefox finds the host manifest under $HOME/.mozilla/native-messaging-hosts and starts the host
  // with its own environment: keep config, logs and files in the temp dir.
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOME: dirs.home,
    NEXSTREAM_CONFIG_DIR: path.join(root, 'config'),
    NEXSTREAM_DATA_DIR: path.join(root, 'data'),
    NEXSTREAM_DOWNLOAD_DIR: dirs.downloads,
    ...extraEnv,
  };
  execFileSync(process.execPath, [path.join(ROOT, 'bin/nexstream.mjs'), 'install', '--browser', 'firefox'], { env, stdio: 'pipe' });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: dirs.profile,
    env,
    // Firefox 153+ lets WebDriver navigate to moz-extension:// pages only with this flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_EXTENSION_ID]: FIREFOX_UUID }) },
  });
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (id !== GECKO_EXTENSION_ID) throw new Error(`installed as ${id}, expected ${GECKO_EXTENSION_ID}`);

  return {
    browser,
    dirs,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openExtensionPage(pagePath, ready) {
      const page = await browser.newPage();
      // Never resolves over BiDi although the page loads: start it, then poll the page itself.
      void page.goto(`${FIREFOX_ORIGIN}/${pagePath}`, { timeout: 0 }).catch(() => undefined);
      await pollIn(page, `location.href.startsWith(${JSON.stringify(FIREFOX_ORIGIN)}) && document.readyState === 'complete' && (${ready})`);
      return page;
    },
    async tabIdOf(extPage, url) {
      // Match patterns cannot name a port: list every tab and compare.
      return pollIn<number>(extPage, `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? 0)`);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
