/**
 * Scores YouTube candidates against the authoritative track and picks one, or none.
 * Each part of the score is kept (ScoreBreakdown) so the popup can explain the choice.
 */
import type { MatchCandidate, ScoreBreakdown } from '../../shared/protocol/track.js';
import { cleanChannel, findMarkers, fold, splitArtists, splitTitle, stripNoise, tokens } from './normalize.js';
import { ratio, script, textSimilarity } from './similarity.js';
import { qualifierPenalty, trackQualifiers, type TrackQualifiers } from './qualifiers.js';
import { sameNameAcrossScripts } from './translit.js';

export type SearchKind = 'isrc' | 'songs' | 'videos';
/** InnerTube's musicVideoType: auto-generated audio track ("Provided to YouTube"), official music video, user upload. */
export type UploadKind = 'atv' | 'omv' | 'ugc';

/** A search result as youtube-search.ts hands it over. */
export interface SearchHit {
  id: string;
  url: string;
  title: string;
  channel: string | null;
  /** Credited artists when the search result lists them (YouTube Music songs). */
  artists?: string[];
  album?: string | null;
  durationSec: number | null;
  views?: number | null;
  kind: 'song' | 'video';
  /** Known for InnerTube results and for enriched auto-generated uploads. */
  upload?: UploadKind;
  foundBy: SearchKind[];
  /** Best (lowest, 1-based) rank across the searches that found it. */
  rank: number;
  /** Rank in the ISRC search, when that search found it. */
  isrcRank?: number;
}

export interface TrackFacts {
  title: string;
  artists: string[];
  album?: string | null;
  durationSec?: number | null;
}

export interface Scored {
  hit: SearchHit;
  score: number;
  breakdown: ScoreBreakdown;
}

/** Weights of the 0..1 parts; bonuses and penalties are added on top. */
const W = { title: 0.35, artist: 0.25, duration: 0.25, channel: 0.05 };
/** Below this a best candidate is "no confident match". */
export const CONFIDENT = 0.62;

/** Markers that change the recording cost a lot; the others (lyrics video, remaster) are the same audio, mostly. */
const PENALTY: Record<string, number> = { lyrics: 0.04, remaster: 0.03, demo: 0.25, extended: 0.3, edit: 0.2 };
/** The kind of upload, when known: an auto-generated track is the recording itself; a user upload may be anything. */
const UPLOAD_BONUS: Record<UploadKind, number> = { atv: 0.05, omv: 0.03, ugc: 0 };
const DEFAULT_PENALTY = 0.35;

interface PreparedTrack {
  core: string[];
  artists: string[];
  markers: Set<string>;
  album: string[];
  durationSec: number | null;
  qualifiers: TrackQualifiers;
}

export function prepareTrack(t: TrackFacts): PreparedTrack {
  const split = splitTitle(t.title);
  const artists = [...t.artists, ...split.featured].filter((a, i, all) => all.findIndex((b) => fold(b) === fold(a)) === i);
  const markers = new Set([...findMarkers(split.qualifiers.join(' ')), ...findMarkers(split.core), ...(t.album ? findMarkers(t.album) : [])]);
  return {
    core: tokens(split.core),
    artists,
    markers,
    album: tokens(splitTitle(t.album ?? '').core),
    durationSec: t.durationSec ?? null,
    qualifiers: trackQualifiers(t.title, t.album, artists),
  };
}

/** Does the folded name occur in the folded haystack as whole tokens, or nearly equal one credited name? */
function nameFound(name: string, credited: string[], haystack: string): boolean {
  const n = fold(name);
  if (!n) return false;
  if (` ${haystack} `.includes(` ${n} `)) return true;
  return credited.some((c) => {
    const f = fold(c);
    return f === n || (Math.min(f.length, n.length) >= 4 && ratio(f.replace(/ /g, ''), n.replace(/ /g, '')) >= 0.85);
  });
}

function artistScore(track: PreparedTrack, credited: string[], haystack: string): number {
  const [main, ...rest] = track.artists;
  if (!main) return 0.5;
  const found = (a: string) => nameFound(a, credited, haystack);
  // A name in another writing system cannot be compared ("Tuna" vs "טונה"): unknown, not wrong.
  const scripts = new Set<string>([...credited, haystack].map(script).filter((s) => s !== 'none'));
  const comparable = (a: string) => scripts.size === 0 || scripts.has(script(a));
  const transliterated = (a: string) => credited.some((c) => script(c) !== script(a) && sameNameAcrossScripts(a, c));
  const part = (a: string): number => (found(a) ? 1 : transliterated(a) ? 0.9 : comparable(a) ? 0 : 0.55);
  const mainPart = part(main);
  if (!rest.length) return mainPart;
  const others = rest.map(part).reduce((s, x) => s + x, 0) / rest.length;
  return 0.7 * mainPart + 0.3 * Math.max(others, mainPart === 1 ? 0.5 : 0);
}

function durationScore(track: number | null, cand: number | null): number {
  if (track == null || cand == null) return 0.5;
  const d = Math.abs(track - cand);
  // Same recording: within a couple of seconds (rounding, silence); a few more and it is another cut.
  return d <= 2 ? 1 : Math.exp(-(((d - 2) / 5) ** 2));
}

/** The title part of a video title: "Artist - Title (Official Video)" -> the segment that best matches. */
function titleScore(track: PreparedTrack, candCore: string, artistTokens: Set<string>): number {
  const segments = [candCore, ...candCore.split(/\s+[-–—|~/]+\s+|\s*\/\/\s*|\s*:\s+/u)];
  let best = 0;
  for (const seg of segments) {
    const clean = stripNoise(fold(seg));
    const toks = clean ? clean.split(' ') : [];
    const noArtist = toks.filter((t) => !artistTokens.has(t));
    for (const cand of [toks, noArtist]) if (cand.length) best = Math.max(best, textSimilarity(track.core, cand));
  }
  return best;
}

/** +1 same album, -1 another album (a compilation, another release), 0 unknown. */
function albumAgreement(track: PreparedTrack, album: string | null | undefined): number {
  if (!album || !track.album.length) return 0;
  const a = tokens(splitTitle(album).core);
  if (!a.length) return 0;
  return textSimilarity(track.album, a) >= 0.85 ? 1 : -1;
}

export function scoreHit(track: PreparedTrack, hit: SearchHit, maxViews: number): Scored {
  const split = splitTitle(hit.title);
  const channel = hit.channel ? cleanChannel(hit.channel) : null;
  const credited = [...(hit.artists?.length ? hit.artists : channel ? splitArtists(channel.name) : []), ...split.featured];
  const haystack = fold(`${hit.title} ${channel?.name ?? ''} ${credited.join(' ')}`);
  const artistTokens = new Set(track.artists.flatMap(tokens).concat(credited.flatMap(tokens)));

  const title = titleScore(track, split.core, artistTokens);
  const artist = artistScore(track, credited, haystack);
  const duration = durationScore(track.durationSec, hit.durationSec);
  const channelName = channel ? fold(channel.name) : '';
  const official =
    channel != null &&
    track.artists.some((a) => fold(a) === channelName || ` ${channelName} `.includes(` ${fold(a)} `) || sameNameAcrossScripts(a, channel.name));
  const channelPart = official ? (channel.topic || channel.vevo || hit.kind === 'song' ? 1 : 0.8) : 0;

  const candMarkers = new Set([...findMarkers(hit.title), ...(hit.channel ? findMarkers(hit.channel) : []), ...(hit.album ? findMarkers(hit.album) : [])]);
  const unwanted = [...candMarkers].filter((m) => !track.markers.has(m));
  // A track that is itself a live/acoustic/remix version should not match the plain one either.
  const missing = [...track.markers].filter((m) => !candMarkers.has(m) && m !== 'remaster' && m !== 'lyrics');
  const quals = qualifierPenalty(track.qualifiers, hit.title, credited);
  const penalty =
    unwanted.reduce((s, m) => s + (PENALTY[m] ?? DEFAULT_PENALTY), 0) + missing.reduce((s, m) => s + 0.5 * (PENALTY[m] ?? DEFAULT_PENALTY), 0) + quals.penalty;

  let source = 0;
  // YouTube Music's first answer to an ISRC query is its own mapping of that recording; later ones are guesses.
  if (hit.foundBy.includes('isrc')) source += hit.isrcRank === 1 ? 0.2 : 0.1;
  source += hit.upload ? UPLOAD_BONUS[hit.upload] : hit.kind === 'song' ? 0.05 : 0;
  const album = albumAgreement(track, hit.album);
  source += album > 0 ? 0.06 : album < 0 ? -0.04 : 0;
  // Popularity only breaks near-ties: official uploads outnumber re-uploads by orders of magnitude.
  if (hit.views && maxViews > 0) source += 0.04 * (Math.log10(hit.views + 1) / Math.log10(maxViews + 1));

  const score = W.title * title + W.artist * artist + W.duration * duration + W.channel * channelPart + source - penalty;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    hit,
    score: r(score),
    breakdown: { title: r(title), artist: r(artist), duration: r(duration), channel: r(channelPart), penalty: r(penalty), markers: unwanted.concat(missing.map((m) => `not ${m}`), quals.words), source: r(source) },
  };
}

export interface MatchOutcome {
  /** The pick, or null when nothing is confident enough. */
  best: Scored | null;
  /** Every candidate, best first. */
  ranked: Scored[];
}

/** Scores every hit; the best one wins if it is confident and really is the song (title and duration agree). */
export function pickMatch(facts: TrackFacts, hits: SearchHit[]): MatchOutcome {
  const track = prepareTrack(facts);
  const maxViews = Math.max(0, ...hits.map((h) => h.views ?? 0));
  const ranked = hits.map((h) => scoreHit(track, h, maxViews)).sort((a, b) => b.score - a.score || a.hit.rank - b.hit.rank);
  const top = ranked[0];
  // A bare title (a fallback hit no lookup corroborated) can be anyone's upload of anything; the
  // same song by another artist is another recording, however well the rest fits (artistVouched).
  const ok = top != null && top.score >= CONFIDENT && top.breakdown.title >= 0.5 && top.breakdown.duration >= 0.2 && artistVouched(top) && !isBare(top.hit);
  return { best: ok ? top : null, ranked };
}

/** The artist fits, or YouTube Music itself maps the ISRC to this upload first and title and length agree (a label's channel). */
function artistVouched(s: Scored): boolean {
  const b = s.breakdown;
  return b.artist >= 0.5 || (s.hit.isrcRank === 1 && b.duration >= 0.9 && b.title >= 0.8);
}

/** A hit that says nothing but its title (yt-dlp's YouTube Music search results, not looked up). */
export function isBare(h: SearchHit): boolean {
  return h.durationSec == null && !h.channel && !h.artists?.length;
}

export function toCandidate(s: Scored): MatchCandidate {
  return {
    id: s.hit.id,
    url: s.hit.url,
    title: s.hit.title,
    channel: s.hit.channel,
    durationSec: s.hit.durationSec,
    score: s.score,
    breakdown: s.breakdown,
    foundBy: s.hit.foundBy.join('+'),
  };
}
