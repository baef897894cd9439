import type { MediaKind } from './types.js';

/** Absolute http(s) URL, or null (relative URLs resolve against the page; data:/javascript: are dropped). */
export function absoluteHttpUrl(raw: string | null | undefined, base: string): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const EXT_KIND: Record<string, MediaKind> = {
  m3u8: 'hls',
  mpd: 'dash',
  mp4: 'video',
  m4v: 'video',
  webm: 'video',
  mov: 'video',
  mkv: 'video',
  m4a: 'audio',
  mp3: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  flac: 'audio',
  wav: 'audio',
  aac: 'audio',
};

/** Media kind from the URL's path extension (query strings ignored). */
export function kindFromUrl(url: string): MediaKind | null {
  try {
    const ext = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
    return ext ? (EXT_KIND[ext] ?? null) : null;
  } catch {
    return null;
  }
}

/** Media kind from a Content-Type header or a <source type>. */
export function kindFromMime(mime: string | null | undefined): MediaKind | null {
  const m = mime?.split(';')[0]?.trim().toLowerCase();
  if (!m) return null;
  if (m === 'application/vnd.apple.mpegurl' || m === 'application/x-mpegurl' || m === 'audio/mpegurl' || m === 'audio/x-mpegurl') return 'hls';
  if (m === 'application/dash+xml') return 'dash';
  // Segments of a stream are not media items on their own.
  if (m === 'video/mp2t' || m === 'video/iso.segment') return null;
  if (m.startsWith('video/')) return 'video';
  if (m.startsWith('audio/')) return 'audio';
  return null;
}
