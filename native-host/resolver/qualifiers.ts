/**
 * Version qualifiers beyond the known markers: a bracketed part of a title that says something
 * the track does not ("(Avicii By Avicii)", "(2017 Master)" against "2011 Remaster",
 * "(16-Bit Emulation)") names another version, even when its words are unknown; one the track has
 * and the candidate lacks counts too. Noise ("Official Video"), credits and the track's own
 * title / album / artist words explain a qualifier away.
 */
import { MARKERS, findMarkers, splitTitle, stripNoise, tokens } from './normalize.js';

/** Connectors that leave a qualifier explained when the rest is ("From 'Frozen'", "Live in the Studio"). */
const CONNECTORS = new Set(['from', 'the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'de', 'la', 'le', 'el', 'do', 'da', 'du', 'des', 'der', 'die']);
const MARKER_WORDS = new Set(Object.values(MARKERS).flatMap((ps) => ps.flatMap((p) => p.split(' '))));
const YEAR = /^(19|20)\d\d$/;
const CREDIT = /^\s*(?:prod|produced|dir|directed|shot|filmed|video)\b\.?\s*(?:by\b)?/i;

export interface TrackQualifiers {
  /** Words that explain a candidate's qualifier. */
  known: Set<string>;
  /** The track's own unusual qualifiers (word lists), which a candidate should carry too. */
  own: string[][];
  remaster: boolean;
}

/** Words of a qualifier that neither noise, markers, connectors nor `known` account for. */
function unexplained(q: string, known: Set<string>, ignoreYears: boolean): string[] {
  const toks = tokens(stripNoise(tokens(q).join(' ')));
  return toks.filter((t) => !known.has(t) && !MARKER_WORDS.has(t) && !CONNECTORS.has(t) && !(ignoreYears && YEAR.test(t)));
}

export function trackQualifiers(title: string, album: string | null | undefined, artists: string[]): TrackQualifiers {
  const split = splitTitle(title);
  const known = new Set([...tokens(title), ...tokens(album ?? ''), ...artists.flatMap(tokens)]);
  const remaster = split.qualifiers.some((q) => findMarkers(q).includes('remaster'));
  // The track's own qualifier counts whole: "(Avicii By Avicii)" is not explained by its artist.
  const own = split.qualifiers
    .map((q) => unexplained(q, new Set(), true).filter((t) => !tokens(split.core).includes(t)))
    .filter((w) => w.length > 0);
  return { known, own, remaster };
}

/**
 * 0..0.3: each unexplained candidate qualifier costs 0.15 (0.05 when it is another year's remaster:
 * the same recording, remastered again); each of the track's own the candidate lacks 0.08.
 */
export function qualifierPenalty(track: TrackQualifiers, candTitle: string, credited: string[]): { penalty: number; words: string[] } {
  const split = splitTitle(candTitle);
  const known = new Set([...track.known, ...credited.flatMap(tokens)]);
  const words: string[] = [];
  let penalty = 0;
  for (const q of split.qualifiers) {
    // Producer and director credits name people, not versions.
    if (CREDIT.test(q)) continue;
    // A remaster year only says something when the track names its own remaster.
    const extra = unexplained(q, known, !track.remaster);
    if (extra.length) {
      const remaster = findMarkers(q).includes('remaster') && extra.every((t) => YEAR.test(t));
      penalty += remaster ? 0.05 : 0.15;
      words.push(extra.join(' '));
    }
  }
  const have = new Set(tokens(candTitle));
  for (const own of track.own) {
    if (!own.every((t) => have.has(t))) {
      penalty += 0.08;
      words.push(`not ${own.join(' ')}`);
    }
  }
  return { penalty: Math.min(0.3, penalty), words };
}
