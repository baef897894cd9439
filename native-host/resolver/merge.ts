/**
 * Folds what each provider knows into one TrackInfo. Each field comes from the most authoritative
 * provider that has it (Deezer for identity and ISRC, iTunes for high-resolution artwork), and
 * `sources` says which one, so the popup can show where a field came from.
 */
import type { TrackInfo } from '../../shared/protocol/track.js';
import { tokens } from './normalize.js';
import { textSimilarity } from './similarity.js';
import type { ProviderName, ProviderTrack } from './types.js';

type Field = keyof TrackInfo;

const ORDER: Record<Field, ProviderName[]> = {
  title: ['registry', 'deezer', 'itunes', 'odesli', 'page', 'groq', 'gemini'],
  artists: ['registry', 'deezer', 'itunes', 'odesli', 'page', 'groq', 'gemini'],
  album: ['registry', 'deezer', 'itunes', 'page'],
  isrc: ['registry', 'deezer', 'page'],
  durationSec: ['registry', 'deezer', 'itunes', 'page'],
  artworkUrl: ['itunes', 'registry', 'deezer', 'odesli', 'page'],
  previewUrl: ['deezer', 'itunes', 'registry'],
  trackNumber: ['registry', 'deezer', 'itunes'],
  releaseDate: ['registry', 'deezer', 'itunes'],
};

const present = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0) && v !== '';

export function mergeTracks(parts: ProviderTrack[]): { track: TrackInfo; sources: Record<string, string> } {
  const byProvider = new Map(parts.map((p) => [p.provider, p]));
  const track: TrackInfo = { title: null, artists: [], album: null, isrc: null, durationSec: null, artworkUrl: null, previewUrl: null, trackNumber: null, releaseDate: null };
  const sources: Record<string, string> = {};
  for (const field of Object.keys(ORDER) as Field[]) {
    for (const name of ORDER[field]) {
      const v = byProvider.get(name)?.[field as keyof ProviderTrack];
      if (present(v)) {
        (track as Record<string, unknown>)[field] = v;
        sources[field] = name;
        break;
      }
    }
  }
  // Deezer rounds durations to whole seconds; iTunes has milliseconds. Same length: keep the precise one.
  const it = byProvider.get('itunes')?.durationSec;
  if (sources.durationSec === 'deezer' && it != null && track.durationSec != null && Math.abs(it - track.durationSec) <= 1.5) {
    track.durationSec = it;
    sources.durationSec = 'itunes';
  }
  return { track, sources };
}

/** Do two providers describe the same recording? (An iTunes search may find a different song than Deezer's ISRC.) */
export function sameRecording(a: ProviderTrack, b: ProviderTrack): boolean {
  if (!a.title || !b.title) return true;
  const titleOk = textSimilarity(tokens(a.title.replace(/\(.*?\)|\[.*?\]/g, ' ')), tokens(b.title.replace(/\(.*?\)|\[.*?\]/g, ' '))) >= 0.6;
  const durOk = a.durationSec == null || b.durationSec == null || Math.abs(a.durationSec - b.durationSec) <= 5;
  return titleOk && durOk;
}
