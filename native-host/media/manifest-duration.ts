/**
 * A DASH manifest states its length (`mediaPresentationDuration`), yet yt-dlp's -J leaves `duration`
 * empty for it. One GET of the few-KB MPD answers in milliseconds, where an ffprobe of a representation
 * costs a process start and several Range requests (+30% on the probe).
 */
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { parseIsoDuration } from '../../shared/iso-duration.js';
import { HttpUrl } from '../../shared/protocol/index.js';
import type { RawFormat } from './ytdlp-info.js';
import { LIMITS } from '../limits.js';

/** An MPD is small; anything bigger is not what we think it is. */
const MAX_BYTES = LIMITS.manifestMaxBytes;
const TIMEOUT_MS = LIMITS.manifestMs;

/** The static presentation's duration from an MPD document, or null (live streams have none). */
export function mpdDurationSec(xml: string): number | null {
  const mpd = /<MPD\b[^>]*>/i.exec(xml)?.[0];
  const attr = mpd && /\bmediaPresentationDuration\s*=\s*["']([^"']+)["']/.exec(mpd)?.[1];
  return attr ? parseIsoDuration(attr) : null;
}

/** The manifest behind DASH formats (yt-dlp marks them with a `*_dash` container), if any. */
export function dashManifestOf(formats: RawFormat[]): { url: string; headers: Record<string, string> } | null {
  for (const f of formats) {
    const container = typeof f.container === 'string' ? f.container : '';
    const url = f.manifest_url ?? '';
    const isDash = container.endsWith('_dash') || /\.mpd(?:[?#]|$)/i.test(url);
    if (isDash && HttpUrl.safeParse(url).success) return { url, headers: f.http_headers ?? {} };
  }
  return null;
}

/** GETs in flight by URL and headers: the duration and the liveness check read the same manifest at the same time. */
const inFlight = new Map<string, Promise<string | null>>();

/** The body of a small text document, or null; callers asking for the same one at once share one GET. */
export function fetchText(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<string | null> {
  const key = JSON.stringify([url, headers]);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const p = getText(url, headers, signal);
  inFlight.set(key, p);
  void p.finally(() => inFlight.delete(key));
  return p;
}

function getText(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<string | null> {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    const req = get(url, { headers, signal: signal ? AbortSignal.any([signal, timeout]) : timeout }, (res: IncomingMessage) => {
      if ((res.statusCode ?? 0) >= 300) {
        res.resume();
        return resolve(null);
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
        if (body.length > MAX_BYTES) req.destroy();
      });
      res.on('end', () => resolve(body));
      res.on('error', () => resolve(null));
    });
    req.on('error', () => resolve(null));
  });
}

/** Duration of the DASH presentation the formats come from; null when not DASH or unreadable (callers fall back to ffprobe). */
export async function dashDuration(formats: RawFormat[], signal?: AbortSignal): Promise<number | null> {
  const m = dashManifestOf(formats);
  if (!m) return null;
  const xml = await fetchText(m.url, m.headers, signal);
  return xml ? mpdDurationSec(xml) : null;
}
