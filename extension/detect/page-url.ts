/** The page URL itself: yt-dlp has extractors for many sites (YouTube, Vimeo, ...); the host's probe decides. */
import { absoluteHttpUrl, kindFromUrl } from './url.js';
import type { Detection, PageDetector } from './types.js';

export const pageUrl: PageDetector = {
  name: 'page-url',
  detect(doc: Document, url: string): Detection {
    const out: Detection = { items: [], meta: {} };
    const abs = absoluteHttpUrl(url, url);
    if (abs) out.items.push({ url: abs, kind: kindFromUrl(abs) ?? 'page', via: 'page-url' });
    const title = doc.title.trim();
    if (title) out.meta.title = title;
    return out;
  },
};
