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
  /** Right-clicks `selector` in `page` and picks the context-menu item labelled `label` (Firefox's real menu). */
  contextMenu(page: Page, selector: string, label: string): Promise<void>;
  /** The page whose URL (seen from the extension's own tab list) satisfies `match`. */
  findPage(match: (url: string) => boolean, timeoutMs?: number): Promise<Page>;
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

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
/** Puppeteer's raw BiDi connection (BidiBrowser's `connection` getter; not in its typed API) for the commands it does not wrap. */
const bidi = (browser: Browser): BidiConnection => (browser as unknown as { connection: BidiConnection }).connection;

/**
 * Runs `expression` in Firefox's own browser window (chrome scope; allowed by --remote-allow-system-access),
 * to drive native UI such as the context menu that content-side input cannot reach.
 */
export async function chromeEval(browser: Browser, expression: string): Promise<unknown> {
  const tree = (await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: Array<{ context: string; url: string }> };
  const win = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error('no Firefox browser window');
  const r = (await bidi(browser).send('script.evaluate', { expression, target: { context: win.context }, awaitPromise: true })).result as { type: string; result?: unknown; exceptionDetails?: { text: string } };
  if (r.type !== 'success') throw new Error(`chrome eval failed: ${r.exceptionDetails?.text}`);
  return r.result;
}

export async function launchFirefox({ registerHost = true, env: extraEnv = {} as Record<string, string> } = {}): Promise<FirefoxHarness> {
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
  if (registerHost) execFileSync(process.execPath, [path.join(ROOT, 'bin/nexstream.mjs'), 'install', '--browser', 'firefox'], { env, stdio: 'pipe' });
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
    async contextMenu(page, selector, label) {
      const box = await (await page.waitForSelector(selector))!.boundingBox();
      if (!box) throw new Error(`${selector} is not visible`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
      const menu = `document.getElementById('contentAreaContextMenu')`;
      await chromeEval(browser, `new Promise((ok, fail) => { const end = Date.now() + 5000; (function poll() {
        const m = ${menu}; const item = [...m.querySelectorAll('menuitem')].find((i) => i.label === ${JSON.stringify(label)} && !i.hidden);
        if (m.state === 'open' && item) { m.activateItem(item); ok(true); } else if (Date.now() > end) fail(new Error('no menu item ' + ${JSON.stringify(label)})); else setTimeout(poll, 50); })(); })`);
    },
    async findPage(match, timeoutMs = 10_000) {
      // Puppeteer's BiDi page list reports extension pages as about:blank: ask each page itself.
      const end = Date.now() + timeoutMs;
      for (;;) {
        for (const p of await browser.pages()) {
          const href = await p.evaluate('location.href').catch(() => '');
          if (typeof href === 'string' && match(href)) return p;
        }
        if (Date.now() > end) throw new Error('no page matched');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      // The host the browser started may still be exiting (and writing its compile cache under root): retry.
      await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
