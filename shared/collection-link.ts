/**
 * Album and playlist links ("Resolve this album / playlist"): which service, which kind, which id.
 * The single-track resolver refuses these (resolver.collection); the collection resolver takes them.
 */

export type CollectionService = 'deezer' | 'appleMusic' | 'spotify' | 'tidal';
export type CollectionKind = 'album' | 'playlist';

export interface CollectionLink {
  service: CollectionService;
  kind: CollectionKind;
  /** The service's own id (digits for Deezer/Apple albums, base62 for Spotify, uuid or digits for Tidal). */
  id: string;
  url: string;
}

const ID: Record<CollectionService, RegExp> = {
  deezer: /^\d{1,20}$/,
  appleMusic: /^(\d{1,20}|pl\.[\w-]{1,64})$/,
  spotify: /^[A-Za-z0-9]{22}$/,
  tidal: /^(\d{1,20}|[0-9a-f-]{36})$/i,
};

function pick(service: CollectionService, parts: string[], kinds: CollectionKind[], url: string, idAt: (i: number) => string | undefined): CollectionLink | null {
  const i = parts.findIndex((p) => (kinds as string[]).includes(p));
  const id = i >= 0 ? idAt(i) : undefined;
  if (i < 0 || !id || !ID[service].test(id)) return null;
  return { service, kind: parts[i] as CollectionKind, id, url };
}

/** Context-menu patterns for album and playlist links and pages (the menu handler re-checks with collectionLink). */
export const COLLECTION_URL_PATTERNS = [
  '*://*.deezer.com/*album/*',
  '*://*.deezer.com/*playlist/*',
  '*://open.spotify.com/*album/*',
  '*://open.spotify.com/*playlist/*',
  '*://music.apple.com/*album/*',
  '*://music.apple.com/*playlist/*',
  '*://tidal.com/*album/*',
  '*://tidal.com/*playlist/*',
  '*://listen.tidal.com/*album/*',
  '*://listen.tidal.com/*playlist/*',
];

/** An album or playlist link of Deezer, Apple Music, Spotify or Tidal, or null. Also `spotify:album:ID` URIs. */
export function collectionLink(raw: string): CollectionLink | null {
  const s = raw.trim();
  const uri = /^spotify:(album|playlist):([A-Za-z0-9]{22})$/.exec(s);
  if (uri?.[1] && uri[2]) return { service: 'spotify', kind: uri[1] as CollectionKind, id: uri[2], url: `https://open.spotify.com/${uri[1]}/${uri[2]}` };
  if (!URL.canParse(s)) return null;
  const u = new URL(s);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase();
  const parts = u.pathname.split('/').filter(Boolean);
  const url = u.toString();
  const next = (i: number) => parts[i + 1];
  if (/^(www\.)?deezer\.com$/.test(host)) return pick('deezer', parts, ['album', 'playlist'], url, next);
  if (/^open\.spotify\.com$/.test(host)) return pick('spotify', parts, ['album', 'playlist'], url, next);
  if (/^(listen\.|www\.)?tidal\.com$/.test(host)) return pick('tidal', parts, ['album', 'playlist'], url, next);
  // music.apple.com/us/album/<slug>/<id>: the id is the last segment; ?i= makes it a song link instead.
  if (/^(music|itunes|geo\.music)\.apple\.com$/.test(host) && !u.searchParams.get('i')) return pick('appleMusic', parts, ['album', 'playlist'], url, () => parts[parts.length - 1]);
  return null;
}
