/**
 * youtubei.js's parsed YouTube Music search page -> SearchHit[]. Every field is copied out of the
 * parser's objects and validated (zod) before the matcher sees it; an item that fails is dropped,
 * a page whose shape is not a search page throws YtMusicShapeError (the caller falls back).
 */
import { z } from 'zod';
import { YOUTUBE_ID } from '../../shared/music-link.js';
import type { SearchHit, SearchKind, UploadKind } from './match.js';

export class YtMusicShapeError extends Error {
  override readonly name = 'YtMusicShapeError';
}

const Name = z.object({ name: z.string().trim().min(1).max(500) });
const Item = z.object({
  type: z.enum(['song', 'video']),
  id: z.string().regex(YOUTUBE_ID),
  title: z.string().trim().min(1).max(1000),
  seconds: z.number().int().nonnegative().max(86_400).nullable(),
  artists: z.array(Name).max(50),
  album: Name.nullable(),
  views: z.string().max(100).nullable(),
  videoType: z.enum(['MUSIC_VIDEO_TYPE_ATV', 'MUSIC_VIDEO_TYPE_OMV', 'MUSIC_VIDEO_TYPE_UGC']).nullable(),
});
type Item = z.infer<typeof Item>;

const UPLOAD: Record<string, UploadKind> = { MUSIC_VIDEO_TYPE_ATV: 'atv', MUSIC_VIDEO_TYPE_OMV: 'omv', MUSIC_VIDEO_TYPE_UGC: 'ugc' };

/** Reads a path out of an object the parser built, without trusting any step of it. */
function at(o: unknown, ...path: (string | number)[]): unknown {
  let cur = o;
  for (const k of path) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

const orNull = (x: unknown) => (x === undefined ? null : x);
const names = (x: unknown) => (Array.isArray(x) ? x.map((a) => ({ name: at(a, 'name') })) : []);

/** Copies the fields the matcher uses out of one MusicResponsiveListItem. */
function plain(node: unknown): unknown {
  const type = at(node, 'item_type');
  return {
    type,
    id: at(node, 'id'),
    title: at(node, 'title'),
    seconds: orNull(at(node, 'duration', 'seconds')),
    artists: names(type === 'song' ? at(node, 'artists') : at(node, 'authors')),
    album: at(node, 'album', 'name') === undefined ? null : { name: at(node, 'album', 'name') },
    views: orNull(at(node, 'views')),
    videoType: orNull(at(node, 'flex_columns', 0, 'title', 'runs', 0, 'endpoint', 'payload', 'watchEndpointMusicSupportedConfigs', 'watchEndpointMusicConfig', 'musicVideoType')),
  };
}

/** "1.2M views" -> 1200000 (YouTube Music shows rounded counts; enough to break near-ties). */
export function parseViews(text: string | null): number | null {
  const m = text ? /([\d.,]+)\s*([KMB])?\s+views?/i.exec(text) : null;
  if (!m?.[1]) return null;
  const n = Number(m[1].replace(/,/g, ''));
  const mult = { K: 1e3, M: 1e6, B: 1e9 }[(m[2] ?? '').toUpperCase() as 'K' | 'M' | 'B'] ?? 1;
  return Number.isFinite(n) ? Math.round(n * mult) : null;
}

function toHit(v: Item, kind: SearchKind, rank: number): SearchHit {
  const upload = v.videoType ? UPLOAD[v.videoType] : v.type === 'song' ? 'atv' : undefined;
  const artists = v.artists.map((a) => a.name);
  return {
    id: v.id,
    url: `https://music.youtube.com/watch?v=${v.id}`,
    title: v.title,
    // A song (ATV) lives on the artist's "- Topic" channel; a video's byline is its channel.
    channel: upload === 'atv' ? (artists[0] ? `${artists[0]} - Topic` : null) : (artists[0] ?? null),
    artists: artists.length ? artists : undefined,
    album: v.album?.name ?? null,
    durationSec: v.seconds,
    views: parseViews(v.views),
    kind: v.type,
    upload,
    foundBy: [kind],
    rank,
    isrcRank: kind === 'isrc' ? rank : undefined,
  };
}

export interface MappedPage {
  hits: SearchHit[];
  /** Items the page had but that failed validation (logged; all failing means the shape changed). */
  dropped: number;
}

/** Maps the contents of a youtubei.js `Music#search` result (MusicShelf / MusicCardShelf / ItemSection nodes). */
export function mapSearchContents(contents: unknown, kind: SearchKind, limit: number): MappedPage {
  if (!Array.isArray(contents)) throw new YtMusicShapeError('search page without contents');
  const items: unknown[] = [];
  let sections = 0;
  for (const section of contents) {
    const type = at(section, 'type');
    if (type === 'MusicShelf' || type === 'MusicCardShelf') {
      sections++;
      const list = at(section, 'contents');
      if (Array.isArray(list)) items.push(...list.filter((n) => at(n, 'type') === 'MusicResponsiveListItem'));
    } else if (type === 'ItemSection') sections++;
  }
  if (!sections) throw new YtMusicShapeError('search page without result shelves');
  const hits: SearchHit[] = [];
  let dropped = 0;
  for (const node of items) {
    const t = at(node, 'item_type');
    // Albums, artists, playlists and episodes are not recordings: skipped, not "dropped".
    if (t !== 'song' && t !== 'video' && t !== 'unknown') continue;
    const v = Item.safeParse(plain(node));
    if (!v.success) {
      dropped++;
      continue;
    }
    if (hits.length < limit && !hits.some((h) => h.id === v.data.id)) hits.push(toHit(v.data, kind, hits.length + 1));
  }
  if (items.length > 0 && hits.length === 0 && dropped > 0) throw new YtMusicShapeError(`all ${dropped} result items failed validation`);
  return { hits, dropped };
}
