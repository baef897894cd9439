/** Quality picker ordering and default choice (pure: unit-tested). */
import type { PresetId, PresetOption } from '../../shared/protocol/index.js';

/** Audio presets in the order the picker shows them: lossy by bitrate, then lossless. */
export const AUDIO_ORDER: readonly PresetId[] = ['mp3-320', 'mp3-192', 'm4a', 'opus', 'flac'];

export interface OrderedPresets {
  video: PresetOption[];
  audio: PresetOption[];
}

/** Video by height (then fps) descending, 'best' first; audio in AUDIO_ORDER; duplicates dropped. */
export function orderPresets(presets: readonly PresetOption[]): OrderedPresets {
  const seen = new Set<string>();
  const unique = presets.filter((p) => !seen.has(p.id) && seen.add(p.id));
  const video = unique
    .filter((p) => p.kind === 'video')
    .sort((a, b) => (a.id === 'best' ? -1 : b.id === 'best' ? 1 : (b.height ?? 0) - (a.height ?? 0) || (b.fps ?? 0) - (a.fps ?? 0)));
  const rank = (id: PresetId) => {
    const i = AUDIO_ORDER.indexOf(id);
    return i < 0 ? AUDIO_ORDER.length : i;
  };
  const audio = unique.filter((p) => p.kind === 'audio').sort((a, b) => rank(a.id) - rank(b.id));
  return { video, audio };
}

/**
 * The pre-selected preset: the host's default, else (preferring audio when asked) MP3 320 or the
 * tallest video up to 1080p — a sensible size for most people.
 */
export function defaultPreset(presets: readonly PresetOption[], preferAudio = false): PresetId | null {
  const { video, audio } = orderPresets(presets);
  const hostDefault = presets.find((p) => p.default);
  if (hostDefault && !preferAudio) return hostDefault.id;
  const firstAudio = audio[0]?.id;
  if (preferAudio && firstAudio) return firstAudio;
  const sized = video.filter((p) => p.id !== 'best' && (p.height ?? 0) <= 1080);
  return hostDefault?.id ?? sized[0]?.id ?? video[0]?.id ?? firstAudio ?? null;
}

/** "1080p · 60 fps · MP4" */
export function presetDetail(p: PresetOption): string {
  const parts: string[] = [];
  if (p.kind === 'video' && p.height) parts.push(`${p.height}p`);
  if (p.fps && p.fps > 30) parts.push(`${Math.round(p.fps)} fps`);
  if (p.ext) parts.push(p.ext.toUpperCase());
  return parts.join(' · ');
}
