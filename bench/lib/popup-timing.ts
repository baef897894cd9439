/** Figure 5's measurement: toolbar click to the popup's first paint with page metadata, in real Chromium. */
import type { Page } from 'puppeteer-core';
import type { Harness } from '../../tests/e2e/support/chromium.js';

/** Set by the popup (extension/components/Popup.tsx) once the header shows the page's title. */
export const FIRST_META_MARK = 'nexstream:page-meta-rendered';

export interface PopupOpen {
  /** Wall ms from the toolbar click to the mark (includes creating the popup's window and process). */
  wallMs: number;
  /** The popup document's own phases (ms from its navigation start). */
  phases: { prepaintScript: number; script: number; firstState: number; metaRendered: number };
}

/** Opens the popup for `tab` once, times it, closes it. */
export async function timePopupOpen(h: Harness, tab: Page): Promise<PopupOpen> {
  await tab.bringToFront();
  const clickedAt = Date.now();
  const popup = await h.openPopup(tab);
  try {
    await popup.waitForFunction((m) => performance.getEntriesByName(m).length > 0, { timeout: 15_000 }, FIRST_META_MARK);
    // No named helpers inside: tsx's keepNames would reference a __name the page does not have.
    const r = await popup.evaluate((m) => {
      const [pre, script, firstState, meta] = ['nexstream:first-paint-script', 'nexstream:popup-script', 'nexstream:first-state', m].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1) as [number, number, number, number];
      // timeOrigin + startTime is wall time, comparable with the bench's Date.now() on the same machine.
      return { markWall: performance.timeOrigin + meta, prepaintScript: pre, script, firstState, metaRendered: meta };
    }, FIRST_META_MARK);
    return { wallMs: r.markWall - clickedAt, phases: { prepaintScript: r.prepaintScript, script: r.script, firstState: r.firstState, metaRendered: r.metaRendered } };
  } finally {
    await popup.close().catch(() => undefined);
  }
}
