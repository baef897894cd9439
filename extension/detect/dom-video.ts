/** <video>/<audio> elements and their <source> children; poster and duration feed the popup header. */
import { absoluteHttpUrl, kindFromMime, kindFromUrl } from './url.js';
import type { Detection, MediaItem, PageDetector } from './types.js';

function elementItems(el: HTMLMediaElement, pageUrl: string): { items: MediaItem[]; blob: boolean } {
  const fallback = el.tagName === 'AUDIO' ? 'audio' : 'video';
  const items: MediaItem[] = [];
  let blob = false;
  const candidates: Array<{ src: string | null; type?: string | null }> = [
    { src: el.getAttribute('src') },
    { src: el.currentSrc || null },
    ...[...el.querySelectorAll('source')].map((s) => ({ src: s.getAttribute('src'), type: s.getAttribute('type') })),
  ];
  for (const c of candidates) {
    if (c.src?.startsWith('blob:')) blob = true;
    const url = absoluteHttpUrl(c.src, pageUrl);
    if (!url) continue;
    const kind = kindFromMime(c.type) ?? kindFromUrl(url) ?? fallback;
    items.push(c.type ? { url, kind, via: 'dom-video', mime: c.type } : { url, kind, via: 'dom-video' });
  }
  return { items, blob };
}

export const domVideo: PageDetector = {
  name: 'dom-video',
  detect(doc: Document, pageUrl: string): Detection {
    const out: Detection = { items: [], meta: {}, blobPlayer: false };
    for (const el of doc.querySelectorAll<HTMLMediaElement>('video, audio')) {
      const { items, blob } = elementItems(el, pageUrl);
      out.items.push(...items);
      out.blobPlayer ||= blob;
      const poster = el instanceof HTMLVideoElement ? absoluteHttpUrl(el.getAttribute('poster'), pageUrl) : null;
      if (poster && !out.meta.thumbnail) out.meta.thumbnail = poster;
      // duration is NaN until metadata loads, Infinity for live streams.
      if (Number.isFinite(el.duration) && el.duration > 0 && !out.meta.durationSec) out.meta.durationSec = el.duration;
    }
    return out;
  },
};

/**
 * Calls `onChange` when media elements are added, or their src changes, after load
 * (players that build the <video> late). Stops when `signal` aborts.
 */
export function observeDomMedia(doc: Document, onChange: () => void, signal: AbortSignal): void {
  const isMedia = (n: Node): boolean =>
    n instanceof Element && (/^(VIDEO|AUDIO|SOURCE)$/.test(n.tagName) || n.querySelector('video, audio') !== null);
  const observer = new MutationObserver((records) => {
    const relevant = records.some((r) =>
      r.type === 'attributes' ? isMedia(r.target) : [...r.addedNodes].some(isMedia) || [...r.removedNodes].some(isMedia),
    );
    if (relevant) onChange();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'poster'] });
  // loadedmetadata does not bubble; capture it to learn durations.
  const onMeta = (e: globalThis.Event) => {
    if (e.target instanceof HTMLMediaElement) onChange();
  };
  doc.addEventListener('loadedmetadata', onMeta, true);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    doc.removeEventListener('loadedmetadata', onMeta, true);
  });
}
