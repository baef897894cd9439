/**
 * The popup's page header as plain DOM, painted by a tiny script before React and the popup bundle
 * have loaded (most of the popup's time to first paint was that bundle). Same markup as <PageHeader>
 * for a page with no thumbnail yet: tests/unit/extension/components/page-header-dom.test.tsx keeps them equal.
 */
import type { TabGlance } from '../popup-target-tab.js';
import { hostnameOf } from './format.js';

/** Marks the first paint with page metadata (whoever paints it first: this or React). */
export const FIRST_META_MARK = 'nexstream:page-meta-rendered';

/** Where the pre-React paint leaves the tab it showed, so React's first render shows the same header. */
const PREPAINTED = '__nexstreamPrepaintedTab';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** <PageHeader page={{ pageUrl, title }} mediaCount={0} /> as DOM. */
export function pageHeaderElement(tab: TabGlance): HTMLElement {
  const host = hostnameOf(tab.url);
  return el(
    'header',
    { class: 'page' },
    el('div', { class: 'thumb' }, el('span', { class: 'thumb-placeholder', 'aria-hidden': 'true' }, '▶')),
    el('div', { class: 'page-text' }, el('h1', { class: 'title', ...(tab.title ? { title: tab.title } : {}) }, tab.title || host), el('p', { class: 'subtitle' }, host)),
  );
}

/** Paints the header into an empty root (React has not rendered yet) and marks it. */
export function prepaintHeader(root: HTMLElement, tab: TabGlance): boolean {
  if (root.childElementCount > 0) return false;
  root.append(el('main', { class: 'popup', 'data-view': 'loading' }, pageHeaderElement(tab)));
  (globalThis as Record<string, unknown>)[PREPAINTED] = tab;
  if (performance.getEntriesByName(FIRST_META_MARK).length === 0) performance.mark(FIRST_META_MARK);
  return true;
}

/** The tab the pre-React paint showed, if it got there first. */
export function prepaintedTab(): TabGlance | null {
  return ((globalThis as Record<string, unknown>)[PREPAINTED] as TabGlance | undefined) ?? null;
}

const FIRST_PAINT = '__nexstreamFirstPaint';

/**
 * The first-paint script hands over whether it painted the header; the popup bundle waits for that
 * frame (firstPaintDone) before evaluating React, which would otherwise hold the paint back.
 */
export function setFirstPaint(painted: Promise<boolean>): void {
  (globalThis as Record<string, unknown>)[FIRST_PAINT] = painted.then((did) => (did ? contentfulPaint() : undefined));
}

/**
 * The page's first contentful paint (the header, the only content then). A Chromium popup is shown only
 * once its document has loaded: a frame before that is not what the user sees. Where Paint Timing is
 * missing, the next frame.
 */
function contentfulPaint(): Promise<void> {
  if (performance.getEntriesByName('first-contentful-paint').length) return Promise.resolve();
  if (typeof PerformanceObserver !== 'function' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    return new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  return new Promise<void>((resolve) => {
    const obs = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      obs.disconnect();
      resolve();
    });
    obs.observe({ type: 'paint', buffered: true });
  });
}

/** Settles once the pre-React header is on screen, at the latest after `capMs` (or at once when no script ran). */
export function firstPaintDone(capMs: number): Promise<void> {
  const p = (globalThis as Record<string, unknown>)[FIRST_PAINT] as Promise<void> | undefined;
  if (!p) return Promise.resolve();
  return Promise.race([p, new Promise<void>((resolve) => setTimeout(resolve, capMs))]);
}
