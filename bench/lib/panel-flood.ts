/**
 * Figure 6b: a job whose "ffmpeg" prints a flood of lines (bench/fixtures/flood-ffmpeg.mjs), started
 * from the real popup; counted where the real DevTools panel page receives them from the background
 * relay (its runtime port, tapped before the page's own listener), i.e. what reaches its buffer.
 */
import type { Page } from 'puppeteer-core';
import { CHROMIUM_EXTENSION_ID } from '../../shared/extension-id.js';
import type { Harness } from '../../tests/e2e/support/chromium.js';

interface Tally {
  flood: number;
  dropped: number;
  firstAt: number;
  lastAt: number;
}

/**
 * Runs in the panel page before its scripts: counts flood lines in every relay message it receives.
 * Plain JS source: tsx's keepNames would make a serialised TS function call a missing `__name`.
 */
const TAP_SCRIPT = `(() => {
  const tally = { flood: 0, dropped: 0, firstAt: 0, lastAt: 0 };
  globalThis.__nexBench = tally;
  const rt = chrome.runtime;
  const connect = rt.connect.bind(rt);
  rt.connect = (...a) => {
    const port = connect(...a);
    port.onMessage.addListener((m) => {
      if (!m || (m.type !== 'batch' && m.type !== 'snapshot')) return;
      tally.dropped += m.dropped || 0;
      const n = (m.lines || []).filter((l) => typeof l.text === 'string' && l.text.startsWith('flood ')).length;
      if (!n) return;
      const now = performance.now();
      if (!tally.flood) tally.firstAt = now;
      tally.flood += n;
      tally.lastAt = now;
    });
    return port;
  };
})()`;

export async function openTappedPanel(h: Harness): Promise<Page> {
  const panel = await h.browser.newPage();
  await panel.evaluateOnNewDocument(TAP_SCRIPT);
  await panel.goto(`chrome-extension://${CHROMIUM_EXTENSION_ID}/devtools-panel.html`, { waitUntil: 'load' });
  return panel;
}

/** Starts the popup's default download on `tab` and waits until the job is over and the panel quiet. */
export async function floodThroughPanel(h: Harness, panel: Page, tab: Page, expected: number): Promise<Tally & { jobStatus: string }> {
  const popup = await h.openPopup(tab);
  await popup.waitForSelector('form.picker button[type="submit"]', { timeout: 60_000 });
  await popup.click('form.picker button[type="submit"]');
  await popup.waitForSelector('.job[data-status="done"], .job[data-status="failed"]', { timeout: 180_000 });
  const jobStatus = await popup.$eval('.job', (e) => e.getAttribute('data-status') ?? '');
  await popup.close().catch(() => undefined);
  // Lines may still be on their way after the job's last event: wait until the count settles.
  let last = -1;
  let tally: Tally = { flood: 0, dropped: 0, firstAt: 0, lastAt: 0 };
  for (let i = 0; i < 100; i++) {
    tally = (await panel.evaluate('({ ...globalThis.__nexBench })')) as Tally;
    if (tally.flood + tally.dropped >= expected || (tally.flood === last && i > 3)) break;
    last = tally.flood;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { ...tally, jobStatus };
}
