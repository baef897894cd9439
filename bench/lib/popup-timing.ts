/**
 * Figure 5's measurement in real Chromium: toolbar click to the popup's first paint with page metadata,
 * against the same click opening a blank extension page as the popup (same browser, same run, same
 * way of opening), so what Chromium itself spends on a popup window is in both.
 */
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { CHROMIUM_EXTENSION_ID } from '../../shared/extension-id.js';
import { EXTENSION_DIR } from '../../tests/e2e/support/build.js';
import type { Harness } from '../../tests/e2e/support/chromium.js';

/** Set by the popup (extension/components/page-header-dom.ts from the module entry, or Popup.tsx if React gets there first) once the header shows the page's title. */
export const FIRST_META_MARK = 'nexstream:page-meta-rendered';
/** The baseline page: one line of text and nothing else. Only in the bench's copy of the extension. */
const BLANK = 'bench-blank.html';

export interface PopupOpen {
  /** Wall ms from the toolbar click to the first paint showing the page's metadata (or the blank page's first paint). */
  wallMs: number;
  /** The document's own phases (ms from its navigation start); -1 where not applicable. */
  phases: { script: number; firstState: number; metaRendered: number; painted: number; domContentLoaded: number; load: number };
}

/** A copy of the built extension with the blank popup page added (same id: the key is in the manifest). */
export async function extensionWithBlankPage(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'nexstream-bench-ext-')), 'ext');
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeFile(path.join(dir, BLANK), '<!doctype html>\n<html lang="en"><head><meta charset="UTF-8"><title>blank</title></head><body><p>blank</p></body></html>\n');
  return dir;
}

/** Clicks the toolbar button with `file` as the action's popup; returns the popup page and the click's wall time. */
async function openAs(h: Harness, tab: Page, file: string): Promise<{ popup: Page; clickedAt: number }> {
  await h.worker.evaluate(`chrome.action.setPopup({ popup: ${JSON.stringify(file)} })`);
  await tab.bringToFront();
  const ext = (await h.browser.extensions()).get(CHROMIUM_EXTENSION_ID);
  if (!ext) throw new Error('extension not loaded');
  const target = h.browser.waitForTarget((t) => t.url().endsWith(`/${file}`) && t.type() === 'page', { timeout: 10_000 });
  const clickedAt = Date.now();
  await tab.triggerExtensionAction(ext);
  return { popup: (await (await target).asPage())!, clickedAt };
}

/**
 * The document's first contentful paint (ms from navigation start) once `mark` exists (null: no mark
 * wanted). Plain JS source: tsx's keepNames would make a serialised TS function call a missing `__name`.
 */
const PAINT_SCRIPT = `(mark) => {
  const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? -1;
  const fcp = at('first-contentful-paint');
  if (mark !== null && at(mark) < 0) return null;
  if (fcp < 0) return null;
  const nav = performance.getEntriesByType('navigation')[0];
  return { timeOrigin: performance.timeOrigin, painted: fcp, domContentLoaded: nav ? nav.domContentLoadedEventStart : -1, load: nav && nav.loadEventStart > 0 ? nav.loadEventStart : -1, script: at('nexstream:popup-script'), firstState: at('nexstream:first-state'), metaRendered: mark === null ? -1 : at(mark) };
}`;

async function timeOpen(h: Harness, tab: Page, file: string, mark: string | null): Promise<PopupOpen> {
  const { popup, clickedAt } = await openAs(h, tab, file);
  try {
    const handle = await popup.waitForFunction(`(${PAINT_SCRIPT})(${JSON.stringify(mark)})`, { timeout: 15_000, polling: 10 });
    const r = (await handle.jsonValue()) as { timeOrigin: number; painted: number; script: number; firstState: number; metaRendered: number; domContentLoaded: number; load: number };
    // The metadata is painted at the first contentful paint after it was put in the DOM (the root is empty before).
    const painted = Math.max(r.painted, r.metaRendered);
    // timeOrigin + startTime is wall time, comparable with the bench's Date.now() on the same machine.
    return { wallMs: r.timeOrigin + painted - clickedAt, phases: { script: r.script, firstState: r.firstState, metaRendered: r.metaRendered, painted, domContentLoaded: r.domContentLoaded, load: r.load } };
  } finally {
    await popup.close().catch(() => undefined);
  }
}

/** Opens the real popup for `tab` once, times it, closes it. */
export const timePopupOpen = (h: Harness, tab: Page) => timeOpen(h, tab, 'popup.html', FIRST_META_MARK);
/** Opens the blank page as the popup for `tab` once, times its first paint, closes it (needs extensionWithBlankPage()). */
export const timeBlankOpen = (h: Harness, tab: Page) => timeOpen(h, tab, BLANK, null);
