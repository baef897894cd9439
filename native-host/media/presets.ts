/** Which of the source's formats feed each preset (what a preset produces: shared/presets.ts). Pure. */
import { NexError } from '../../shared/errors.js';
import { VIDEO_HEIGHTS, presetSpec, type PresetId } from '../../shared/presets.js';
import { codecFamily, videoCodecRank } from './codecs.js';
import { hasAudio, hasVideo, type RawFormat } from './ytdlp-info.js';

/** The short side, so a vertical 1080x1920 video counts as 1080p. */
export function formatHeight(f: Pick<RawFormat, 'width' | 'height'>): number | null {
  if (f.height && f.width) return Math.min(f.width, f.height);
  return f.height ?? null;
}

/** The standard tier a height belongs to (1076 -> 1080), or null below 360p. */
export function heightTier(h: number): number | null {
  return VIDEO_HEIGHTS.find((t) => h >= t * 0.97) ?? null;
}

export interface Selection {
  /** Carries the picture (video-only or muxed). */
  video?: RawFormat;
  /** Carries the sound; the same object as `video` when one muxed format has both. */
  audio?: RawFormat;
}

const bitrate = (f: RawFormat) => f.tbr ?? (f.vbr ?? 0) + (f.abr ?? 0);

function pickVideo(formats: RawFormat[], maxHeight: number): RawFormat | undefined {
  const withVideo = formats.filter((f) => hasVideo(f) !== false);
  const fits = withVideo.filter((f) => (formatHeight(f) ?? 0) <= maxHeight * 1.03);
  // Nothing small enough: the smallest there is beats failing.
  const pool = fits.length ? fits : withVideo.sort((a, b) => (formatHeight(a) ?? 0) - (formatHeight(b) ?? 0)).slice(0, 1);
  const key = (f: RawFormat) => [formatHeight(f) ?? 0, f.fps ?? 0, videoCodecRank(codecFamily(f.vcodec)), hasAudio(f) ? 1 : 0, bitrate(f)];
  return pool.sort((a, b) => compareKeys(key(b), key(a)))[0];
}

function pickAudio(formats: RawFormat[], prefer: string | null): RawFormat | undefined {
  const audioOnly = formats.filter((f) => hasAudio(f) !== false && hasVideo(f) === false);
  const muxed = formats.filter((f) => hasAudio(f) === true && hasVideo(f) !== false);
  // Unprobed formats may have sound; ffmpeg tells (media.no_audio) if they do not.
  const unknown = formats.filter((f) => hasAudio(f) === null && hasVideo(f) !== false);
  // Muxed sources: the lightest video carrying the best sound, since ffmpeg reads the whole file.
  const pool = audioOnly.length ? audioOnly : muxed.length ? muxed : unknown;
  const key = (f: RawFormat) => [codecFamily(f.acodec) === prefer ? 1 : 0, f.abr ?? 0, -(audioOnly.length ? 0 : bitrate(f))];
  return pool.sort((a, b) => compareKeys(key(b), key(a)))[0];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Which formats to read for a preset; throws media.no_audio / media.no_video when the source cannot give it. */
export function chooseFormats(formats: RawFormat[], preset: PresetId): Selection {
  const spec = presetSpec(preset);
  if (spec.kind === 'audio') {
    const audio = pickAudio(formats, preset === 'm4a' ? 'aac' : preset === 'opus' ? 'opus' : null);
    if (!audio) throw new NexError('media.no_audio', 'This source has no audio stream, so an audio preset cannot be made from it.', { preset });
    return { audio };
  }
  const video = pickVideo(formats, spec.maxHeight ?? Infinity);
  if (!video) throw new NexError('media.no_video', 'This source has no video stream; pick an audio preset.', { preset });
  if (hasAudio(video) === true) return { video, audio: video };
  const audio = pickAudio(formats, 'aac');
  // Unknown audio on the video format: ffmpeg maps it optionally, so a silent source still works.
  return audio ? { video, audio } : { video, audio: hasAudio(video) === null ? video : undefined };
}
