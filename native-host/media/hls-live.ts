/**
 * What an HLS playlist says about liveness (RFC 8216). yt-dlp calls a playlist without #EXT-X-ENDLIST live since
 * 2023.06.21 (generic.py `_extra_manifest_info`); live-detect.ts applies the same rule when yt-dlp says nothing.
 */
import type { LiveStatus } from '../../shared/protocol/index.js';

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
