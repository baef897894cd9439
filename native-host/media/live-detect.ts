/**
 * Is the source live? yt-dlp 2023.03 never says for generic HLS or DASH manifests (current yt-dlp's generic.py
 * calls an m3u8 without #EXT-X-ENDLIST and an MPD of `type="dynamic"` live), so the host asks the manifest itself:
 * one small GET, by the same rules, only when yt-dlp said nothing about liveness or length.
 */
import { HttpUrl, type LiveStatus } from '../../shared/protocol/index.js';
import { hlsLiveStatus, parseHlsPlaylist } from './hls-live.js';
import { dashManifestOf, fetchText } from './manifest-duration.js';
import type { InfoDict, RawFormat } from './ytdlp-info.js';

const isHls = (f: RawFormat) => (f.protocol ?? '').startsWith('m3u8') && HttpUrl.safeParse(f.url).success;

/** A DASH manifest of a live presentation (ISO/IEC 23009-1 §5.3.1.2: `type="dynamic"`). Pure. */
export function mpdIsDynamic(xml: string): boolean {
  const mpd = /<MPD\b[^>]*>/i.exec(xml)?.[0] ?? '';
  return /\btype\s*=\s*["']dynamic["']/i.test(mpd);
}

/** Whether yt-dlp left liveness open: no live_status, no is_live, no duration. Pure. */
export function liveUnknown(info: InfoDict): boolean {
  return !info.live_status && info.is_live == null && !(info.duration && info.duration > 0);
}

/** The first HLS format's playlist status (following a master playlist once); null when unknown. */
async function hlsLive(f: RawFormat, signal?: AbortSignal): Promise<LiveStatus | null> {
  let url = f.url ?? '';
  for (let hop = 0; hop < 2; hop++) {
    const text = await fetchText(url, f.http_headers ?? {}, signal);
    const p = text ? parseHlsPlaylist(text, url) : null;
    if (!p) return null;
    if (p.kind === 'media') return hlsLiveStatus(p);
    if (!p.firstVariant || !HttpUrl.safeParse(p.firstVariant).success) return null;
    url = p.firstVariant;
  }
  return null;
}

export async function detectLive(info: InfoDict, formats: RawFormat[], signal?: AbortSignal): Promise<LiveStatus | null> {
  if (!liveUnknown(info)) return null;
  const hls = formats.find(isHls);
  if (hls) return hlsLive(hls, signal);
  const dash = dashManifestOf(formats);
  if (!dash) return null;
  const xml = await fetchText(dash.url, dash.headers, signal);
  return xml && mpdIsDynamic(xml) ? 'is_live' : null;
}
