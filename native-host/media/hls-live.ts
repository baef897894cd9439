/**
 * Is an HLS source live? yt-dlp 2023.03's generic and html5 extractors never say (live detection for direct
 * m3u8 links came in 2023.06.21: generic.py `_extra_manifest_info`, which calls it live when the playlist
 * has no #EXT-X-ENDLIST), so the host reads the media playlist itself: one small GET, by the same rule.
 */
import { HttpUrl, type LiveStatus } from '../../shared/protocol/index.js';
import { fetchText } from './manifest-duration.js';
import type { InfoDict, RawFormat } from './ytdlp-info.js';

export type HlsPlaylist = { kind: 'master'; firstVariant: string | null } | { kind: 'media'; ended: boolean; segments: number };

/** Reads what matters of an m3u8 (RFC 8216): master or media, ENDLIST (or a VOD playlist type), segment count. Pure. */
export function parseHlsPlaylist(text: string, baseUrl: string): HlsPlaylist | null {
  if (!text.trimStart().startsWith('#EXTM3U')) return null;
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const inf = lines.findIndex((l) => l.startsWith('#EXT-X-STREAM-INF'));
  if (inf >= 0) {
    const uri = lines.slice(inf + 1).find((l) => l && !l.startsWith('#'));
    let firstVariant: string | null = null;
    try {
      firstVariant = uri ? new URL(uri, baseUrl).href : null;
    } catch {
      firstVariant = null;
    }
    return { kind: 'master', firstVariant };
  }
  const ended = lines.includes('#EXT-X-ENDLIST') || lines.includes('#EXT-X-PLAYLIST-TYPE:VOD');
  return { kind: 'media', ended, segments: lines.filter((l) => l.startsWith('#EXTINF')).length };
}

/** An open playlist with segments is live; one with none yet has not started (an event before its start). Pure. */
export function hlsLiveStatus(p: HlsPlaylist): LiveStatus | null {
  if (p.kind !== 'media') return null;
  if (p.ended) return 'not_live';
  return p.segments > 0 ? 'is_live' : 'is_upcoming';
}

const isHls = (f: RawFormat) => (f.protocol ?? '').startsWith('m3u8') && HttpUrl.safeParse(f.url).success;

/** Only when yt-dlp said nothing about liveness or length and an HLS format is there to ask. */
export function needsHlsCheck(info: InfoDict, formats: RawFormat[]): RawFormat | null {
  if (info.live_status || info.is_live != null || (info.duration && info.duration > 0)) return null;
  return formats.find(isHls) ?? null;
}

/** The live status of the first HLS format's playlist (following a master playlist once); null when unknown. */
export async function detectHlsLive(info: InfoDict, formats: RawFormat[], signal?: AbortSignal): Promise<LiveStatus | null> {
  const f = needsHlsCheck(info, formats);
  if (!f?.url) return null;
  let url: string = f.url;
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
