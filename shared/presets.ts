/**
 * The preset vocabulary, one source for the protocol schema, the host's ffmpeg plans and picker
 * labels, and the extension's pickers, options page and job titles: ids, kinds, containers, bitrates, words.
 */

/** Standard video heights, tallest first; each has an `mp4-<height>` preset. */
export const VIDEO_HEIGHTS = [2160, 1440, 1080, 720, 480, 360] as const;

export const VIDEO_PRESET_IDS = ['best', 'mp4-2160', 'mp4-1440', 'mp4-1080', 'mp4-720', 'mp4-480', 'mp4-360'] as const;
/** Audio presets in the order pickers show them: lossy by bitrate, then lossless. */
export const AUDIO_PRESET_IDS = ['mp3-320', 'mp3-192', 'm4a', 'opus', 'flac'] as const;
export const PRESET_IDS = [...VIDEO_PRESET_IDS, ...AUDIO_PRESET_IDS] as const;

export type VideoPresetId = (typeof VIDEO_PRESET_IDS)[number];
export type AudioPresetId = (typeof AUDIO_PRESET_IDS)[number];
export type PresetId = (typeof PRESET_IDS)[number];

export interface AudioPresetInfo {
  /** Output file extension (no dot) and ffmpeg muxer name. */
  ext: string;
  muxer: string;
  /** Encoder bitrate when re-encoding (lossy presets). */
  kbps?: number;
  /** Source codec family that is copied instead of re-encoded (so the size is the source's). */
  copyFrom?: string;
  /** The host picker's label ("MP3 · 320 kbps"). */
  label: string;
  /** In words, for a job that only carries the id ("MP3 320 kbps"). */
  name: string;
  /** A format button: name and a short detail ("MP3", "320 kbps"). */
  button: { name: string; detail: string };
}

export const AUDIO_PRESETS: Readonly<Record<AudioPresetId, AudioPresetInfo>> = {
  'mp3-320': { ext: 'mp3', muxer: 'mp3', kbps: 320, label: 'MP3 · 320 kbps', name: 'MP3 320 kbps', button: { name: 'MP3', detail: '320 kbps' } },
  'mp3-192': { ext: 'mp3', muxer: 'mp3', kbps: 192, label: 'MP3 · 192 kbps', name: 'MP3 192 kbps', button: { name: 'MP3', detail: '192 kbps' } },
  m4a: { ext: 'm4a', muxer: 'ipod', kbps: 192, copyFrom: 'aac', label: 'M4A (AAC)', name: 'M4A', button: { name: 'M4A', detail: 'AAC' } },
  opus: { ext: 'opus', muxer: 'opus', kbps: 160, copyFrom: 'opus', label: 'Opus', name: 'Opus', button: { name: 'Opus', detail: 'small' } },
  flac: { ext: 'flac', muxer: 'flac', label: 'FLAC (lossless)', name: 'FLAC', button: { name: 'FLAC', detail: 'lossless' } },
};

function isAudioPreset(id: string): id is AudioPresetId {
  return (AUDIO_PRESET_IDS as readonly string[]).includes(id);
}

export function presetKind(id: PresetId): 'video' | 'audio' {
  return isAudioPreset(id) ? 'audio' : 'video';
}

export interface PresetSpec {
  id: PresetId;
  kind: 'video' | 'audio';
  /** Output file extension (no dot) and ffmpeg muxer name. */
  ext: string;
  muxer: string;
  /** Highest video height; Infinity for 'best'. */
  maxHeight?: number;
}

/** What a preset produces: kind, container and (video) height cap. */
export function presetSpec(id: PresetId): PresetSpec {
  if (isAudioPreset(id)) return { id, kind: 'audio', ext: AUDIO_PRESETS[id].ext, muxer: AUDIO_PRESETS[id].muxer };
  return { id, kind: 'video', ext: 'mp4', muxer: 'mp4', maxHeight: id === 'best' ? Infinity : Number(id.slice(4)) };
}

/** A preset id in words, for a job that only carries the id: "MP3 320 kbps", "720p MP4". */
export function presetName(id: string): string {
  if (id === 'best') return 'best quality';
  const video = /^mp4-(\d+)$/.exec(id);
  if (video) return `${video[1]}p MP4`;
  return isAudioPreset(id) ? AUDIO_PRESETS[id].name : id;
}
