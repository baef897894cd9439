/** JSON-LD VideoObject / AudioObject: name, thumbnailUrl, duration (ISO 8601), contentUrl, embedUrl. */
import { parseIsoDuration } from '../../shared/iso-duration.js';
import { absoluteHttpUrl, kindFromMime, kindFromUrl } from './url.js';
import type { Detection, PageDetector } from './types.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flattens arrays and @graph containers into a list of nodes. */
function nodes(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) for (const v of value) nodes(v, out);
  else if (isObj(value)) {
    out.push(value);
    if (value['@graph']) nodes(value['@graph'], out);
    if (isObj(value.video) || Array.isArray(value.video)) nodes(value.video, out);
  }
  return out;
}

const typeOf = (n: Json): string[] => [n['@type']].flat().filter((t): t is string => typeof t === 'string');
const firstString = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return firstString(v[0]);
  if (isObj(v)) return firstString(v.url ?? v.contentUrl);
  return undefined;
};

export const jsonLd: PageDetector = {
  name: 'json-ld',
  detect(doc: Document, pageUrl: string): Detection {
    const out: Detection = { items: [], meta: {} };
    for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
      let data: unknown;
      try {
        data = JSON.parse(script.textContent ?? '');
      } catch {
        continue; // broken JSON-LD is common; skip it rather than fail the page
      }
      for (const n of nodes(data)) {
        const types = typeOf(n);
        const isAudio = types.includes('AudioObject');
        if (!types.includes('VideoObject') && !isAudio) continue;
        const name = firstString(n.name);
        if (name && !out.meta.title) out.meta.title = name;
        const thumb = absoluteHttpUrl(firstString(n.thumbnailUrl) ?? firstString(n.thumbnail), pageUrl);
        if (thumb && !out.meta.thumbnail) out.meta.thumbnail = thumb;
        const duration = parseIsoDuration(firstString(n.duration));
        if (duration && !out.meta.durationSec) out.meta.durationSec = duration;
        const content = absoluteHttpUrl(firstString(n.contentUrl), pageUrl);
        if (content) {
          const mime = firstString(n.encodingFormat);
          const kind = kindFromMime(mime) ?? kindFromUrl(content) ?? (isAudio ? 'audio' : 'video');
          out.items.push({ url: content, kind, via: 'json-ld' });
        }
        const embed = absoluteHttpUrl(firstString(n.embedUrl), pageUrl);
        if (embed) out.items.push({ url: embed, kind: 'page', via: 'json-ld' });
      }
    }
    return out;
  },
};
