/**
 * Music links and YouTube ids, one reading for both sides: the extension decides what "Resolve this
 * track" sends and which pasted links it accepts, the host classifies the link it is asked to resolve.
 */

export type Platform = 'spotify' | 'appleMusic' | 'deezer' | 'tidal' | 'soundcloud' | 'youtubeMusic' | 'youtube';

/** A track (platform + id), a collection (album/playlist/...: never pick a random track), or null when unknown. */
export type MusicLink =
  | { kind: 'track'; platform: Platform; id: string }
  | { kind: 'collection'; platform: string; what: string }
  | null;

/** A YouTube video id: 11 characters of [A-Za-z0-9_-]. */
export const YOUTUBE_ID = /^[\w-]{11}$/;

const YOUTUBE_HOST = /(^|\.)youtube\.com$/;

/**
 * The video id a YouTube (Music) link points at, unchecked: `youtu.be/ID`, `/shorts/ID`, `/live/ID`, `?v=ID`.
 * Null for other hosts and for links without one (channels, playlists).
 */
export function youtubeIdCandidate(u: URL): string | null {
  const host = u.hostname.toLowerCase();
  const p = u.pathname.split('/').filter(Boolean);
  if (host === 'youtu.be') return p[0] ?? null;
  if (!YOUTUBE_HOST.test(host)) return null;
  if (p[0] === 'shorts' || p[0] === 'live') return p[1] ?? null;
  return u.searchParams.get('v') || null;
}

/** The video id of a YouTube (Music) video link, or null (not YouTube, no id, or not id-shaped). */
export function youtubeVideoId(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const id = youtubeIdCandidate(new URL(url));
  return id && YOUTUBE_ID.test(id) ? id : null;
}

const track = (platform: Platform, id: string): MusicLink => ({ kind: 'track', platform, id });
const collection = (platform: string, what: string): MusicLink => ({ kind: 'collection', platform, what });

/** One rule per service: host pattern, then the path's reading. */
const RULES: { host: RegExp; rule: (u: URL, p: string[]) => MusicLink }[] = [
  {
    host: /^(open|play)\.spotify\.com$/,
    rule: (_u, p) => {
      const i = p.findIndex((x) => ['track', 'album', 'playlist', 'artist', 'episode', 'show'].includes(x));
      const kind = p[i];
      const id = p[i + 1];
      if (!kind || !id) return null;
      if (kind === 'track') return /^[A-Za-z0-9]{22}$/.test(id) ? track('spotify', id) : null;
      return collection('Spotify', kind);
    },
  },
  {
    host: /^(music|itunes|geo\.music)\.apple\.com$/,
    rule: (u, p) => {
      const i = u.searchParams.get('i');
      if (i && /^\d+$/.test(i)) return track('appleMusic', i);
      const kind = p[1];
      const last = p[p.length - 1] ?? '';
      if (kind === 'song' && /^\d+$/.test(last)) return track('appleMusic', last);
      if (kind && ['album', 'playlist', 'artist'].includes(kind)) return collection('Apple Music', kind);
      return null;
    },
  },
  {
    host: /^(www\.)?deezer\.com$/,
    rule: (_u, p) => {
      const i = p.findIndex((x) => ['track', 'album', 'playlist', 'artist'].includes(x));
      const kind = p[i];
      const id = p[i + 1];
      if (!kind || !id || !/^\d+$/.test(id)) return null;
      return kind === 'track' ? track('deezer', id) : collection('Deezer', kind);
    },
  },
  {
    host: /^(listen\.|www\.)?tidal\.com$/,
    rule: (_u, p) => {
      const i = p.findIndex((x) => ['track', 'album', 'playlist', 'artist', 'mix'].includes(x));
      const kind = p[i];
      const id = p[i + 1];
      if (!kind || !id) return null;
      if (kind === 'track') return /^\d+$/.test(id) ? track('tidal', id) : null;
      return collection('Tidal', kind);
    },
  },
  {
    host: /^(www\.|m\.)?soundcloud\.com$/,
    rule: (_u, p) => {
      if (p.length < 2) return null;
      if (p[1] === 'sets' || p[1] === 'albums' || p[1] === 'tracks' || p[1] === 'likes') return collection('SoundCloud', 'set');
      return p.length === 2 ? track('soundcloud', `${p[0]}/${p[1]}`) : null;
    },
  },
  {
    host: /^music\.youtube\.com$/,
    rule: (u, p) => {
      const v = u.searchParams.get('v');
      if (p[0] === 'watch' && v && YOUTUBE_ID.test(v)) return track('youtubeMusic', v);
      if (p[0] === 'playlist' || p[0] === 'browse' || p[0] === 'channel') return collection('YouTube Music', p[0] === 'browse' ? 'album' : p[0]);
      return null;
    },
  },
  {
    host: /^((www|m)\.)?youtube\.com$|^youtu\.be$/,
    rule: (u, p) => {
      const v = youtubeIdCandidate(u);
      if (v && YOUTUBE_ID.test(v)) return track('youtube', v);
      if (p[0] === 'playlist') return collection('YouTube', 'playlist');
      return null;
    },
  },
];

/** What a parsed http(s) URL is to the resolver: a track, a collection, or null (not a service it knows). */
export function classifyMusicUrl(u: URL): MusicLink {
  const host = u.hostname.toLowerCase();
  const parts = u.pathname.split('/').filter(Boolean);
  for (const { host: re, rule } of RULES) {
    if (!re.test(host)) continue;
    const r = rule(u, parts);
    if (r) return r;
  }
  return null;
}

/** Hosts whose links the resolver understands; also the context menu's link and page patterns. */
export const MUSIC_URL_PATTERNS = [
  '*://open.spotify.com/*',
  '*://music.apple.com/*',
  '*://*.deezer.com/*',
  '*://tidal.com/*',
  '*://listen.tidal.com/*',
  '*://soundcloud.com/*',
  '*://*.soundcloud.com/*',
  '*://music.youtube.com/*',
  '*://*.youtube.com/watch*',
  '*://youtu.be/*',
];

const MUSIC_HOST = /(^|\.)(open\.spotify\.com|music\.apple\.com|deezer\.com|tidal\.com|soundcloud\.com|youtube\.com|youtu\.be)$/;

/** A link on a music service's host (the page itself is then resolved as a link, not as text). */
export function isMusicLink(url: string): boolean {
  return URL.canParse(url) && MUSIC_HOST.test(new URL(url).hostname);
}
