/**
 * Every page detector, in priority order for metadata (the first detector that knows a field wins).
 * network-sniff runs in the background (see network-sniff.ts); a meta-test checks every detector is listed.
 */
import { domVideo } from './dom-video.js';
import { jsonLd } from './json-ld.js';
import { metaTags } from './meta-tags.js';
import { pageUrl } from './page-url.js';
import { trackPage } from './track-page.js';
import type { DetectorName, MediaItem, PageDetector, PageMeta, PageReport } from './types.js';

/** Metadata priority: structured data, then social tags, then the player, then document.title. */
export const PAGE_DETECTORS: readonly PageDetector[] = [jsonLd, metaTags, domVideo, pageUrl, trackPage];
/** Detectors that run in the background rather than on the page. */
export const BACKGROUND_DETECTORS: readonly DetectorName[] = ['network-sniff'];

/** Runs every page detector and merges their findings into one report. */
export function collectPage(doc: Document, url: string): PageReport {
  const meta: PageMeta = {};
  const items: MediaItem[] = [];
  const seen = new Set<string>();
  let blobPlayer = false;
  let track: PageReport['track'];
  for (const d of PAGE_DETECTORS) {
    let found;
    try {
      found = d.detect(doc, url);
    } catch (e) {
      console.warn(`[nexstream] detector ${d.name} failed`, e); // one broken detector must not hide the others
      continue;
    }
    meta.title ??= found.meta.title;
    meta.thumbnail ??= found.meta.thumbnail;
    meta.durationSec ??= found.meta.durationSec;
    blobPlayer ||= found.blobPlayer ?? false;
    track ??= found.track;
    for (const item of found.items) {
      if (seen.has(item.url)) continue;
      seen.add(item.url);
      items.push(item);
    }
  }
  return { pageUrl: url, meta: stripUndefined(meta), items: items.slice(0, 200), blobPlayer, ...(track ? { track } : {}) };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Items that are media on this page, for the badge (the page URL alone is not counted). */
export function countMedia(items: readonly MediaItem[]): number {
  return new Set(items.filter((i) => i.via !== 'page-url').map((i) => i.url)).size;
}
