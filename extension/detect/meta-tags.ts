/** og:video / og:audio / twitter:player and og:title / og:image / twitter:image meta tags. */
import { absoluteHttpUrl, kindFromMime, kindFromUrl } from './url.js';
import type { Detection, MediaKind, PageDetector } from './types.js';

function content(doc: Document, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

export const metaTags: PageDetector = {
  name: 'meta-tags',
  detect(doc: Document, pageUrl: string): Detection {
    const out: Detection = { items: [], meta: {} };
    const media: Array<[string[], string[], MediaKind]> = [
      [['og:video:secure_url', 'og:video:url', 'og:video'], ['og:video:type'], 'video'],
      [['og:audio:secure_url', 'og:audio:url', 'og:audio'], ['og:audio:type'], 'audio'],
      // A player page (an embed), not a file: yt-dlp decides what is behind it.
      [['twitter:player'], [], 'page'],
      [['twitter:player:stream'], ['twitter:player:stream:content_type'], 'video'],
    ];
    const seen = new Set<string>();
    for (const [urlKeys, typeKeys, fallback] of media) {
      const url = absoluteHttpUrl(content(doc, ...urlKeys), pageUrl);
      if (!url || seen.has(url)) continue;
      seen.add(url);
      const mime = content(doc, ...typeKeys);
      // og:video is often an HTML embed player (text/html): treat it as a page for yt-dlp.
      const kind = mime?.startsWith('text/html') ? 'page' : (kindFromMime(mime) ?? kindFromUrl(url) ?? fallback);
      out.items.push(mime ? { url, kind, via: 'meta-tags', mime } : { url, kind, via: 'meta-tags' });
    }
    const title = content(doc, 'og:title', 'twitter:title');
    if (title) out.meta.title = title;
    const image = absoluteHttpUrl(content(doc, 'og:image:secure_url', 'og:image', 'twitter:image', 'twitter:image:src'), pageUrl);
    if (image) out.meta.thumbnail = image;
    const duration = Number(content(doc, 'og:video:duration', 'video:duration', 'music:duration'));
    if (Number.isFinite(duration) && duration > 0) out.meta.durationSec = duration;
    return out;
  },
};
