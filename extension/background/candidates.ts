/**
 * Which URLs to ask the host to probe, best first. The page URL goes first (yt-dlp knows many sites
 * and reads titles from the page); then what the page plays directly, then sniffed manifests (what a
 * blob:/MediaSource player really fetches), then embeds.
 */
import type { MediaItem } from '../detect/types.js';

const VIA_RANK: Record<MediaItem['via'], number> = { 'page-url': 0, 'dom-video': 1, 'json-ld': 2, 'meta-tags': 3, 'network-sniff': 4, 'track-page': 5 }; // track-page finds metadata, never media items
const KIND_RANK: Record<MediaItem['kind'], number> = { video: 0, hls: 0, dash: 0, audio: 1, page: 2 };

export function probeCandidates(pageItems: readonly MediaItem[], sniffed: readonly MediaItem[]): MediaItem[] {
  const all = [...pageItems, ...sniffed];
  const seen = new Set<string>();
  const unique = all.filter((i) => !seen.has(i.url) && seen.add(i.url));
  return unique.sort((a, b) => {
    if (a.via === 'page-url' || b.via === 'page-url') return VIA_RANK[a.via] - VIA_RANK[b.via];
    return KIND_RANK[a.kind] - KIND_RANK[b.kind] || VIA_RANK[a.via] - VIA_RANK[b.via];
  });
}

/** Probe failures that mean "try the next source" rather than "stop" (host trouble stops). */
export function shouldTryNext(code: string): boolean {
  return code.startsWith('media.') && code !== 'media.ytdlp_missing' && code !== 'media.ffmpeg_missing';
}
