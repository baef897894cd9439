/**
 * Classifies resolve input: a track link (platform + id), free text ("Daft Punk - One More Time"),
 * or an error value for album/playlist links (never pick a random track) and unknown links.
 */
import { NexError } from '../../shared/errors.js';
import { classifyMusicUrl, type Platform } from '../../shared/music-link.js';

export type { Platform } from '../../shared/music-link.js';

export type ResolveInput =
  | { kind: 'link'; platform: Platform; id: string; url: string }
  | { kind: 'text'; text: string; artist: string | null; title: string };

const collection = (platform: string, what: string, url: string) =>
  // "an Apple Music album", "a Spotify playlist".
  new NexError('resolver.collection', `This is ${/^[AEIOU]/i.test(platform) ? 'an' : 'a'} ${platform} ${what}, not a track: open one track and resolve that.`, { platform, what, url });

/** Splits free text into artist and title: "A - T", "A – T", "T by A"; otherwise all of it is the title. */
function parseText(text: string): ResolveInput {
  const t = text.replace(/\s+/g, ' ').trim();
  const dash = /^(.+?)\s+[-–—]\s+(.+)$/u.exec(t);
  if (dash?.[1] && dash[2]) return { kind: 'text', text: t, artist: dash[1].trim(), title: dash[2].trim() };
  const by = /^(.+?)\s+by\s+(.+)$/iu.exec(t);
  if (by?.[1] && by[2]) return { kind: 'text', text: t, artist: by[2].trim(), title: by[1].trim() };
  return { kind: 'text', text: t, artist: null, title: t };
}

/** Throws NexError('resolver.collection' | 'resolver.unsupported_link' | 'input.invalid'). */
export function classifyInput(raw: string): ResolveInput {
  const s = raw.trim();
  if (!s) throw new NexError('input.invalid', 'Nothing to resolve.');
  const spotifyUri = /^spotify:(track|album|playlist|artist):([A-Za-z0-9]{22})$/.exec(s);
  if (spotifyUri?.[1] && spotifyUri[2]) {
    if (spotifyUri[1] !== 'track') throw collection('Spotify', spotifyUri[1], s);
    return { kind: 'link', platform: 'spotify', id: spotifyUri[2], url: `https://open.spotify.com/track/${spotifyUri[2]}` };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^(www\.)?[\w-]+\.(com|be|link|co)\//i.test(s)) return parseText(s);
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    throw new NexError('resolver.unsupported_link', 'That link could not be read.', { input: s.slice(0, 200) });
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new NexError('resolver.unsupported_link', 'Only http(s) links can be resolved.', { input: s.slice(0, 200) });
  const found = classifyMusicUrl(u);
  if (found?.kind === 'collection') throw collection(found.platform, found.what, u.toString());
  if (found) return { kind: 'link', platform: found.platform, id: found.id, url: u.toString() };
  throw new NexError('resolver.unsupported_link', `Not a track link the resolver knows (${u.hostname}).`, { host: u.hostname });
}
