/** The ffmpeg command line for one download: inputs, stream maps, codecs, tags, cover art, muxer. Pure. */
import type { PresetId } from '../../shared/protocol/index.js';
import { MP4_AUDIO, MP4_VIDEO } from './codecs.js';
import { AUDIO_PRESETS, presetSpec } from '../../shared/presets.js';
import { extrasArgs, type FfmpegExtras } from './ffmpeg-extras.js';
import { networkInputArgs } from './net-input-args.js';
import { metadataArgs, type TagValues } from './tags.js';

/**
 * Network protocols only: a hostile playlist or redirect cannot pull in `file:`, `concat:` or `subfile:`.
 * crypto is AES-128 HLS; httpproxy is what ffmpeg uses under http_proxy.
 */
export const NET_PROTOCOLS = 'http,https,tcp,tls,crypto,httpproxy';

export interface StreamSource {
  /** An http(s) URL ffmpeg reads itself, or `pipe:N` fed by a yt-dlp process. */
  url: string;
  headers?: Record<string, string> | null;
  /** ffmpeg `-cookies` lines for this input (cookies.ts); redacted from logged command lines. */
  cookies?: string;
  /** Codec family ('h264', 'aac', ...) when known; decides copy vs transcode. */
  codec?: string | null;
}

export interface FfmpegJob {
  preset: PresetId;
  /** Picture source (video presets). */
  video?: StreamSource;
  /** Sound source; an input with the same url as `video` is opened once. */
  audio?: StreamSource;
  /** Cover image for audio presets (ignored for video presets and Opus). */
  cover?: StreamSource;
  tags?: TagValues;
  /** A file gets an MP4 with its index first (reserved room or the faststart pass); a pipe (stdout) gets fragmented MP4, a pipe cannot be rewound. */
  output: { kind: 'file'; path: string; /** The empty file just reserved for this run: opened without O_TRUNC (see below). */ fresh?: boolean } | { kind: 'pipe' };
  /** Seconds without progress before the job counts as stalled; sets the network read timeout. Default 30. */
  stallSec?: number;
  /** Subtitles and chapters (ffmpeg-extras.ts). */
  extras?: FfmpegExtras;
  /** MP4 file output: bytes reserved for the index at the front in place of the faststart pass (moov-reserve.ts). */
  moovReserveBytes?: number | null;
}

/** `-headers` wants CRLF-terminated lines; CR/LF inside a value would inject headers. */
export function headerBlock(h: Record<string, string>): string {
  const strip = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();
  return Object.entries(h)
    .map(([k, v]) => `${strip(k)}: ${strip(v)}\r\n`)
    .join('');
}

function inputArgs(src: StreamSource, stallSec?: number): string[] {
  if (src.url.startsWith('pipe:')) return ['-protocol_whitelist', 'pipe', '-i', src.url];
  const headers = src.headers && Object.keys(src.headers).length ? ['-headers', headerBlock(src.headers)] : [];
  // Reconnect + read timeout: a dropped connection resumes, a silent one fails instead of hanging.
  const cookies = src.cookies ? ['-cookies', src.cookies] : [];
  return ['-protocol_whitelist', NET_PROTOCOLS, ...networkInputArgs(stallSec), ...headers, ...cookies, '-i', src.url];
}

function audioCodecArgs(preset: PresetId, codec: string | null | undefined): string[] {
  switch (preset) {
    case 'mp3-320':
    case 'mp3-192':
      return ['-c:a', 'libmp3lame', '-b:a', `${AUDIO_PRESETS[preset].kbps}k`];
    case 'm4a':
      return codec === 'aac' ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', `${AUDIO_PRESETS.m4a.kbps}k`];
    case 'opus':
      return codec === 'opus' ? ['-c:a', 'copy'] : ['-c:a', 'libopus', '-b:a', `${AUDIO_PRESETS.opus.kbps}k`];
    case 'flac':
      return codec === 'flac' ? ['-c:a', 'copy'] : ['-c:a', 'flac'];
    default:
      // Video presets: remux MP4-friendly audio, re-encode the rest (cheap next to video).
      return codec && MP4_AUDIO.has(codec) ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', '192k'];
  }
}

function videoCodecArgs(codec: string | null | undefined): string[] {
  // Unknown codecs are copied: a needless full transcode costs far more than a rare mux error.
  if (!codec || MP4_VIDEO.has(codec)) return ['-c:v', 'copy'];
  return ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p'];
}

/** Opus in Ogg: ffmpeg 5.1 cannot mux a picture stream there, so Opus files get tags only. */
export function supportsCover(preset: PresetId): boolean {
  const spec = presetSpec(preset);
  return spec.kind === 'audio' && preset !== 'opus';
}

export function buildFfmpegArgs(job: FfmpegJob): string[] {
  const spec = presetSpec(job.preset);
  const inputs: StreamSource[] = [];
  const indexOf = (s: StreamSource) => {
    const i = inputs.findIndex((x) => x.url === s.url);
    return i >= 0 ? i : inputs.push(s) - 1;
  };
  const maps: string[] = [];
  const codecs: string[] = [];
  if (spec.kind === 'video' && job.video) {
    maps.push('-map', `${indexOf(job.video)}:v:0`);
    codecs.push(...videoCodecArgs(job.video.codec));
  }
  if (job.audio) {
    // Video presets take sound when there is some; audio presets fail without it (-> media.no_audio).
    maps.push('-map', `${indexOf(job.audio)}:a:0${spec.kind === 'video' ? '?' : ''}`);
    codecs.push(...audioCodecArgs(job.preset, job.audio.codec));
  }
  if (job.cover && supportsCover(job.preset)) {
    maps.push('-map', `${indexOf(job.cover)}:v:0`);
    // Re-encode to JPEG: thumbnails are often WebP, which ID3/MP4/FLAC pictures cannot hold.
    codecs.push('-c:v', 'mjpeg', '-q:v', '3', '-frames:v', '1', '-disposition:v:0', 'attached_pic');
    codecs.push('-metadata:s:v:0', 'title=Album cover', '-metadata:s:v:0', 'comment=Cover (front)');
  }
  const extra = extrasArgs(job.extras, inputs.length, spec.muxer, inputArgs);
  const toPipe = job.output.kind === 'pipe';
  const muxerArgs: string[] = [];
  if (spec.muxer === 'mp4' || spec.muxer === 'ipod') {
    if (toPipe) muxerArgs.push('-movflags', '+frag_keyframe+empty_moov+default_base_moof');
    else if (job.moovReserveBytes) muxerArgs.push('-moov_size', String(job.moovReserveBytes));
    else muxerArgs.push('-movflags', '+faststart');
  }
  if (spec.muxer === 'mp3') muxerArgs.push('-id3v2_version', '3', '-write_id3v1', '0');
  return [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-loglevel',
    'info',
    // Progress as key=value blocks; with stdout carrying the media, they go to fd 3.
    '-progress',
    toPipe ? 'pipe:3' : 'pipe:1',
    ...inputs.flatMap((src) => inputArgs(src, job.stallSec)),
    ...extra.inputs,
    ...maps,
    ...extra.maps,
    ...extra.metadata,
    ...codecs,
    ...extra.codecs,
    ...metadataArgs(job.tags ?? {}, spec.muxer),
    ...muxerArgs,
    // ext4 flushes a file that was truncated when it was opened as it is closed (auto_da_alloc): ffmpeg's O_TRUNC on
    // the empty reserved .part made its close() start writeback of the whole file, 75-80 ms for 250 MB, and the
    // fsyncs after it waited too. A retry into a used .part still truncates.
    ...(job.output.kind === 'file' && job.output.fresh ? ['-truncate', '0'] : []),
    // The output is a `.part` name the pipeline reserved itself, so -y only overwrites our own file.
    '-f',
    spec.muxer,
    '-y',
    job.output.kind === 'pipe' ? 'pipe:1' : job.output.path,
  ];
}
