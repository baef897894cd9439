/**
 * Media requests a tab makes, seen by the background through webRequest: HLS/DASH manifests and
 * direct media files, by URL or Content-Type. Kept per tab, cleared when the tab navigates.
 */
import { kindFromMime, kindFromUrl } from './url.js';
import type { MediaItem } from './types.js';

/** Most items kept per tab: a long-playing HLS page must not grow without bound. */
export const MAX_SNIFFED_PER_TAB = 50;

/** A request worth listing, or null. Segments (.ts, .m4s) and non-media are ignored. */
export function classifyRequest(url: string, contentType?: string | null): MediaItem | null {
  if (!/^https?:/i.test(url)) return null;
  const kind = kindFromUrl(url) ?? kindFromMime(contentType);
  if (!kind || kind === 'page') return null;
  if (/\.(ts|m4s|aac)(\?|$)/i.test(new URL(url).pathname)) return null;
  const mime = contentType?.split(';')[0]?.trim();
  return mime ? { url, kind, via: 'network-sniff', mime } : { url, kind, via: 'network-sniff' };
}

export function contentTypeOf(headers: Array<{ name: string; value?: string }> | undefined): string | null {
  return headers?.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? null;
}

/** Per-tab sniffed media, deduplicated by URL without its Range-irrelevant query noise kept intact. */
export class SniffStore {
  private readonly byTab = new Map<number, MediaItem[]>();

  /** Adds an item; returns true when the tab's list changed. */
  add(tabId: number, item: MediaItem): boolean {
    const list = this.byTab.get(tabId) ?? [];
    const existing = list.find((i) => i.url === item.url);
    if (existing) {
      // A Content-Type seen later beats a guess from the URL.
      if (!existing.mime && item.mime) Object.assign(existing, { mime: item.mime, kind: item.kind });
      return false;
    }
    // Manifests first: they are what a blob: player really plays.
    list.push(item);
    list.sort((a, b) => rank(a) - rank(b));
    if (list.length > MAX_SNIFFED_PER_TAB) list.pop();
    this.byTab.set(tabId, list);
    return true;
  }

  get(tabId: number): MediaItem[] {
    return this.byTab.get(tabId) ?? [];
  }

  clear(tabId: number): boolean {
    return this.byTab.delete(tabId);
  }
}

const rank = (i: MediaItem): number => ({ hls: 0, dash: 1, video: 2, audio: 3, page: 4 })[i.kind];
