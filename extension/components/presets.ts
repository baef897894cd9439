/** Quality picker ordering and default choice (pure: unit-tested). */
import { AUDIO_PRESET_IDS } from '../../shared/presets.js';
import type { PresetId, PresetOption } from '../../shared/protocol/index.js';

// Widened to PresetId so indexOf can rank any id (an unknown one sorts last).
const AUDIO_ORDER: readonly PresetId[] = AUDIO_PRESET_IDS;

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

/**
 * What a picker row says: a short primary text ("1080p", "MP3") and details ("60 fps · MP4", "320 kbps").
 * Built from the structured fields where there are some; the host's label may already carry the size,
 * which the row shows in its own column, so "~…" parts are dropped.
 */
export function presetText(p: PresetOption): { primary: string; detail: string } {
  const labelParts = p.label.split(' · ').map((x) => x.trim()).filter((x) => x && !x.startsWith('~'));
  if (p.kind === 'video') {
    const detail: string[] = [];
    if (p.id === 'best' && p.height) detail.push(`${p.height}p`);
    if (p.fps && p.fps > 30) detail.push(`${Math.round(p.fps)} fps`);
    if (p.ext) detail.push(p.ext.toUpperCase());
    const primary = p.id === 'best' ? 'Best' : p.height ? `${p.height}p` : (labelParts[0] ?? p.id);
    return { primary, detail: detail.join(' · ') };
  }
  return { primary: labelParts[0] ?? p.id, detail: labelParts.slice(1).join(' · ') };
}
