/** Codec names as yt-dlp (RFC 6381 strings) and ffprobe report them, reduced to one family name. */

const FAMILIES: Array<[RegExp, string]> = [
  [/^(avc[13]?|h\.?264)/i, 'h264'],
  [/^(hev1|hvc1|hevc|h\.?265)/i, 'hevc'],
  [/^(av01|av1)/i, 'av1'],
  [/^(vp0?9)/i, 'vp9'],
  [/^(vp0?8)/i, 'vp8'],
  [/^(mp4a\.40|aac)/i, 'aac'],
  [/^(mp4a\.6b|mp4a\.69|mp3)/i, 'mp3'],
  [/^opus/i, 'opus'],
  [/^vorbis/i, 'vorbis'],
  [/^flac/i, 'flac'],
  [/^(ac-?3|mp4a\.a5)/i, 'ac3'],
  [/^(ec-?3|eac3|mp4a\.a6)/i, 'eac3'],
];

/** 'avc1.64001f' -> 'h264', 'mp4a.40.2' -> 'aac'; null when unknown or absent ('none'). */
export function codecFamily(codec: string | null | undefined): string | null {
  if (!codec || codec === 'none') return null;
  for (const [re, name] of FAMILIES) if (re.test(codec)) return name;
  return codec.toLowerCase();
}

/** Video codecs an MP4 file can carry as they are (no transcode). */
export const MP4_VIDEO = new Set(['h264', 'hevc', 'av1', 'vp9']);
/** Audio codecs we copy into MP4; Opus/Vorbis in MP4 play badly on phones, so they get AAC. */
export const MP4_AUDIO = new Set(['aac', 'mp3', 'ac3', 'eac3']);

/** Rank for picking among formats of equal height: plays everywhere first. */
export function videoCodecRank(family: string | null): number {
  return family === 'h264' ? 4 : family === 'hevc' ? 3 : family === 'av1' ? 2 : family === 'vp9' ? 1 : 0;
}
