/**
 * Classifies resolve input: a track link (platform + id), free text ("Daft Punk - One More Time"),
 * or an error value for album/playlist links (never pick a random track) and unknown links.
 */
import { NexError } from '../../shared/errors.js';

export type Platform = 'spotify' | 'appleMusic' | 'deezer' | 'tidal' | 'soundcloud' | 'youtubeMusic' | 'youtube';

export type ResolveInput =
  | { kind: 'link'; platform: Platform; id: string; url: string }
  | { kind: 'text'; text: string; artist: string | null; title: string };

const collection = (platform: string, what: string, url: string) =>
  // "an Apple Music album", "a Spotify playlist".
  new NexError('resolver.collection', `This is ${/^[AEIOU]/i.test(platform) ? 'an' : 'a'} ${platform} ${what}, not a track: open one track and resolve that.`, { platform, what, url });

type Rule = (u: URL, parts: string[]) => ResolveInput | NexError | null;

const link = (platform: Platform, id: string, url: URL): ResolveInput => ({ kind: 'link', platform, id, url: url.toString() });

const RULES: { host: RegExp; rule: Rule }[] = [
  {
    host: /^(open|play)\.spotify\.com$/,
    rule: (u, p) => {
      const i = p.findIndex((x) => ['track', 'album', 'playlist', 'artist', 'episode', 'show'].includes(x));
      const kind = p[i];
      const id = p[i + 1];
      if (!kind || !id) return null;
      if (kind === 'track' && /^[A-Za-z0-9]{22}$/.test(id)) return link('spotify', id, u);
      return kind === 'track' ? null : collection('Spotify', kind, u.toString());
    },
  },
  {
    host: /^(music|itunes|geo\.music)\.apple\.com$/,
    rule: (u, p) => {
      const i = u.searchParams.get('i');
      if (i && /^\d+$/.test(i)) return link('appleMusic', i, u);
      const kind = p[1];
      const last = p[p.length - 1] ?? '';
      if (kind === 'song' && /^\d+$/.test(last)) return link('appleMusic', last, u);
      if (kind && ['album', 'playlist', 'artist'].includes(kind)) return collection('Apple Music', kind, u.toString());
      return null;
    },
  },
  {
    host: /^(www\.)?deezer\.com$/,
    rule: (u, p) => {
      const i = p.findIndex((x) => ['track', 'album', 'playlist', 'artist'].includes(x));
      const kind = p[i];
      const id = p[i + 1];
      if (!kind || !id || !/^\d+$/.test(id)) return null;
      return kind === 'track' ? link('deezer', id, u) : collection('Deezer', kind, u.toString());
    },
  },
  {
    host: /^(listen\.|www\.)?tidal\.com$/,
    rule: (u, p) => {
      const i = p.findIndex((x) => ['track', 'album', 'playlist', 'artist', 'mix'].includes(x));
      const kind = p[i];
      const id = p[i + 1];
      if (!kind || !id) return null;
      return kind === 'track' && /^\d+$/.test(id) ? link('tidal', id, u) : kind === 'track' ? null : collection('Tidal', kind, u.toString());
    },
  },
  {
    host: /^(www\.|m\.)?soundcloud\.com$/,
    rule: (u, p) => {
      if (p.length < 2) return null;
      if (p[1] === 'sets' || p[1] === 'albums' || p[1] === 'tracks' || p[1] === 'likes') return collection('SoundCloud', 'set', u.toString());
      return p.length === 2 ? link('soundcloud', `${p[0]}/${p[1]}`, u) : null;
    },
  },
  {
    host: /^music\.youtube\.com$/,
    rule: (u, p) => {
      const v = u.searchParams.get('v');
      if (p[0] === 'watch' && v && /^[\w-]{11}$/.test(v)) return link('youtubeMusic', v, u);
      if (p[0] === 'playlist' || p[0] === 'browse' || p[0] === 'channel') return collection('YouTube Music', p[0] === 'browse' ? 'album' : p[0], u.toString());
      return null;
    },
  },
  {
    host: /^((www|m)\.)?youtube\.com$|^youtu\.be$/,
    rule: (u, p) => {
      const v = u.hostname === 'youtu.be' ? p[0] : p[0] === 'shorts' || p[0] === 'live' ? p[1] : u.searchParams.get('v');
      if (v && /^[\w-]{11}$/.test(v)) return link('youtube', v, u);
      if (p[0] === 'playlist') return collection('YouTube', 'playlist', u.toString());
      return null;
    },
  },
];

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
  const parts = u.pathname.split('/').filter(Boolean);
  for (const { host, rule } of RULES) {
    if (!host.test(u.hostname.toLowerCase())) continue;
    const r = rule(u, parts);
    if (r instanceof NexError) throw r;
    if (r) return r;
  }
  throw new NexError('resolver.unsupported_link', `Not a track link the resolver knows (${u.hostname}).`, { host: u.hostname });
}
