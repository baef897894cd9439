/** Which body the track view shows, and the words for levels and score parts (pure: unit-tested). */
import type { ResolveLevel, ScoreBreakdown } from '../../shared/protocol/track.js';
import { youtubeIdCandidate } from '../../shared/music-link.js';
import type { TrackSessionView } from '../track-messages.js';

export type TrackViewKind = 'loading' | 'missing' | 'host-missing' | 'collection' | 'unsupported' | 'error' | 'resolving' | 'no-match' | 'matched';

export function trackViewKind(state: TrackSessionView | null, missing = false): TrackViewKind {
  if (missing) return 'missing';
  if (!state) return 'loading';
  const code = state.error?.code;
  if (state.host.status === 'not_installed' || code === 'host.not_installed') return 'host-missing';
  if (code === 'resolver.collection') return 'collection';
  if (code === 'resolver.unsupported_link') return 'unsupported';
  if (state.match) return 'matched';
  if (state.status === 'error') return 'error';
  if (state.status === 'done') return 'no-match';
  return 'resolving';
}

export const LEVEL_TEXT: Record<ResolveLevel, string> = {
  registry: 'Known track (registry)',
  override: 'Your earlier pick',
  isrc: 'ISRC match',
  odesli: 'Odesli link',
  llm: 'AI-assisted search',
  search: 'YouTube search',
};

/** The agreement bars under the match: each part 0..1, as the matcher scored it. */
export function agreementBars(b: ScoreBreakdown): Array<{ key: string; label: string; value: number }> {
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  return [
    { key: 'title', label: 'Title', value: clamp(b.title) },
    { key: 'artist', label: 'Artist', value: clamp(b.artist) },
    { key: 'duration', label: 'Duration', value: clamp(b.duration) },
    { key: 'channel', label: 'Channel', value: clamp(b.channel) },
  ];
}

/** One sentence on why this source was chosen, from the breakdown. */
export function matchReason(b: ScoreBreakdown | undefined, foundBy: string | undefined): string {
  if (foundBy === 'you' || foundBy === 'override') return 'You picked this source.';
  if (!b) return 'Matched by the resolver.';
  const good = agreementBars(b).filter((x) => x.value >= 0.85).map((x) => x.label.toLowerCase());
  const parts = [good.length ? `${joinWords(good)} agree` : 'Closest candidate'];
  if (foundBy) parts.push(`found by the ${foundBy.split('+').map((f) => SEARCH_TEXT[f] ?? f).join(' and ')} search`);
  if (b.markers.length) parts.push(`marked ${b.markers.join(', ')}`);
  return `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
}

const SEARCH_TEXT: Record<string, string> = { isrc: 'ISRC', songs: 'YouTube Music songs', videos: 'YouTube videos' };

function joinWords(w: string[]): string {
  return w.length <= 1 ? (w[0] ?? '') : `${w.slice(0, -1).join(', ')} and ${w.at(-1)}`;
}

/** A pasted YouTube (Music) watch link or youtu.be link; anything else is refused before it reaches the host. */
export function youtubeUrl(text: string): string | null {
  const t = text.trim();
  if (!URL.canParse(t)) return null;
  const u = new URL(t);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  return youtubeIdCandidate(u) ? u.href : null;
}
