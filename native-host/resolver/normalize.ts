/**
 * Text normalisation for matching: folds unicode (styled letters, diacritics), splits
 * "feat." credits and bracketed qualifiers off titles, and finds version markers.
 */

/**
 * Version markers that make a different recording; they count against a candidate only when the
 * track lacks them. Phrases are in folded form and matched on whole tokens (so any script works).
 */
export const MARKERS: Record<string, string[]> = {
  live: ['live', 'en vivo', 'ao vivo', 'in concert', 'unplugged', 'лайв', 'живой звук', 'לייב', 'חי באולפן', 'הופעה חיה'],
  remix: ['remix', 'rmx', 'mashup', 'bootleg', 'rework', 'vip mix', 'club mix', 'lofi edit', 'רמיקס', 'מאשאפ', 'ремикс'],
  cover: ['cover', 'covers', 'tribute', 'in the style of', 'originally performed', 'made famous', 'קאבר', 'кавер'],
  'sped up': ['sped up', 'speed up', 'spedup', 'nightcore', 'fast version'],
  slowed: ['slowed', 'slowed reverb', 'slowed and reverb', 'reverb'],
  '8d': ['8d', '8d audio', '16d'],
  karaoke: ['karaoke', 'קריוקי', 'караоке', 'backing track', 'backing tracks', 'sing along'],
  instrumental: ['instrumental', 'inst', 'acapella', 'a cappella', 'minus one', 'минус'],
  acoustic: ['acoustic', 'acoustic version', 'אנפלאגד', 'акустика'],
  remaster: ['remaster', 'remastered', 'master'],
  demo: ['demo'],
  edit: ['radio edit', 'single edit', 'radio version', 'edit'],
  extended: ['extended', 'extended mix', 'extended version', '1 hour', '1 hours', '1h', '10 hours', 'hour version'],
  'bass boosted': ['bass boosted', 'bass boost'],
  lyrics: ['lyrics', 'lyric', 'lyric video', 'letra', 'paroles', 'legendado', 'traducao', 'sub espanol', 'מילים', 'текст'],
};

/** Words that say nothing about the recording ("Official Video", "HD", "NCS Release"). */
const NOISE = [
  'official', 'video', 'music video', 'audio', 'visualizer', 'visualiser', 'hd', 'hq', '4k', 'mv', 'clip', 'videoclip', 'explicit',
  'clean', 'ncs', 'release', 'no copyright', 'copyright free', 'free download', 'prod', 'prod by', 'produced by', 'out now',
  'premiere', 'full song', 'color coded', 'oficial', 'officiel', 'קליפ', 'клип', 'original mix', 'single version', 'album version',
];

function hasPhrase(padded: string, phrase: string): boolean {
  return padded.includes(` ${phrase} `);
}

/** Lower-case, unicode-folded, punctuation-free text; keeps letters and digits of every script. */
export function fold(s: string): string {
  return (
    s
      // NFKD maps styled letters (𝘴𝘱𝘺, ｆｕｌｌｗｉｄｔｈ) to plain ones and splits diacritics off.
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/[łŁ]/g, 'l')
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'ae')
      .replace(/&/g, ' and ')
      // Apostrophes and Hebrew geresh/gershayim join words ("don't", "י"א") rather than split them.
      .replace(/['’`´"״׳]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

export function tokens(s: string): string[] {
  const f = fold(s);
  return f ? f.split(' ') : [];
}

const FEAT = /^(?:feat|ft|featuring|with|mit|con|avec|עם|совместно с)(?:\.|\s)\s*/iu;

export interface SplitTitle {
  /** The song name without credits or bracketed qualifiers. */
  core: string;
  /** Names credited in "feat." / "with" parts. */
  featured: string[];
  /** Bracketed and dash-suffixed qualifiers ("Live", "2011 Remaster", "Official Video"). */
  qualifiers: string[];
}

/** Splits "Title (feat. X) [Live] - 2011 Remaster" into its parts. */
export function splitTitle(title: string): SplitTitle {
  const featured: string[] = [];
  const qualifiers: string[] = [];
  let rest = title.replace(/[（【「『〔]/g, '(').replace(/[）】」』〕]/g, ')');
  rest = rest.replace(/[([{]([^()[\]{}]*)[)\]}]/g, (_m, inner: string) => {
    const m = FEAT.exec(inner);
    if (m) featured.push(...splitArtists(inner.slice(m[0].length)));
    else qualifiers.push(inner);
    return ' ';
  });
  // A trailing "feat. X" without brackets.
  const tail = /\s(?:feat|ft|featuring)\.?\s+(.+)$/iu.exec(rest);
  if (tail?.[1]) {
    featured.push(...splitArtists(tail[1]));
    rest = rest.slice(0, tail.index);
  }
  // "Song - 2011 Remaster" / "Song - Live at X": a dash suffix carrying a known marker is a qualifier.
  const dash = /\s[-–—]\s(.+)$/u.exec(rest);
  if (dash?.[1] && findMarkers(dash[1]).length > 0) {
    qualifiers.push(dash[1]);
    rest = rest.slice(0, dash.index);
  }
  return { core: rest.replace(/\s+/g, ' ').trim(), featured, qualifiers };
}

/** "A, B & C x D" -> [A, B, C, D]. Word separators need spaces around them (\\b is ASCII-only). */
export function splitArtists(s: string): string[] {
  return s
    .split(/\s*[,&+;/、]\s*|\s+(?:x|×|vs\.?|and|und|et|y|и|feat\.?|ft\.?|featuring|with|mit)\s+/iu)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

/** Which version markers a text carries (on folded text). */
export function findMarkers(text: string): string[] {
  const padded = ` ${fold(text)} `;
  return Object.entries(MARKERS)
    .filter(([, phrases]) => phrases.some((p) => hasPhrase(padded, p)))
    .map(([name]) => name);
}

/** Removes noise words (official video, HD, NCS release) from folded text. */
export function stripNoise(folded: string): string {
  let padded = ` ${folded} `;
  for (const n of NOISE) while (hasPhrase(padded, n)) padded = padded.replace(` ${n} `, ' ');
  return padded.trim();
}

/** "Artist - Topic" -> "Artist"; "ArtistVEVO" -> "Artist". */
export function cleanChannel(channel: string): { name: string; topic: boolean; vevo: boolean } {
  const topic = /\s-\sTopic$/i.test(channel);
  const vevo = /vevo$/i.test(channel.trim());
  const name = channel.replace(/\s-\sTopic$/i, '').replace(/\s*vevo$/i, '').replace(/\s*(official|officiel|oficial)\s*$/i, '').trim();
  return { name, topic, vevo };
}
