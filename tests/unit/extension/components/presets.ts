import type { PresetOption } from '../../../../shared/protocol/index.js';

/** A probe's presets in the shuffled order a host might send them. */
export const PRESETS: PresetOption[] = [
  { id: 'mp3-192', label: 'MP3 · 192 kbps · ~2.4 MB', kind: 'audio', ext: 'mp3', approxSize: 2_400_000 },
  { id: 'mp4-480', label: '480p', kind: 'video', height: 480, fps: 30, ext: 'mp4', approxSize: 9_000_000 },
  { id: 'flac', label: 'FLAC (lossless)', kind: 'audio', ext: 'flac' },
  { id: 'mp4-1080', label: '1080p', kind: 'video', height: 1080, fps: 60, ext: 'mp4', approxSize: 48_500_000 },
  { id: 'mp3-320', label: 'MP3 · 320 kbps · ~3.9 MB', kind: 'audio', ext: 'mp3', approxSize: 3_900_000 },
  { id: 'mp4-2160', label: '2160p', kind: 'video', height: 2160, fps: 30, ext: 'mp4', approxSize: 1_610_612_736 },
  { id: 'opus', label: 'Opus', kind: 'audio', ext: 'opus' },
  { id: 'm4a', label: 'M4A (AAC)', kind: 'audio', ext: 'm4a' },
  { id: 'mp4-720', label: '720p', kind: 'video', height: 720, fps: 30, ext: 'mp4' },
];
