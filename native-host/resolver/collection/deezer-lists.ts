/**
 * Deezer's album and playlist track lists: `/album/{id}` for the album itself (title, artist, cover,
 * genres, record_type) and `/album/{id}/tracks` for positions, discs and ISRCs (the album's embedded
 * list is minimised like search results); `/playlist/{id}` then `/playlist/{id}/tracks`, paged by `next`.
 */
import { z } from 'zod';
import type { CollectionEntry, CollectionListing } from '../../../shared/protocol/collection.js';
import { LIMITS } from '../../limits.js';
import { bodyError, type Deezer } from '../deezer.js';
import { ProviderError, fail, ok, type Result } from '../provider-error.js';

const Artist = z.object({ id: z.number().optional(), name: z.string().max(1000) });
const Cover = { cover_xl: z.string().max(2048).nullable().optional(), cover_big: z.string().max(2048).nullable().optional() };
const ListTrack = z.object({
  id: z.number(),
  title: z.string().max(1000),
  isrc: z.string().max(32).optional(),
  link: z.string().max(2048).optional(),
  duration: z.number().nonnegative().optional(),
  track_position: z.number().int().positive().optional(),
  disk_number: z.number().int().positive().optional(),
  artist: Artist,
});
const Page = z.object({ data: z.array(ListTrack).max(2000), total: z.number().optional(), next: z.string().max(4096).optional() });
const Album = z.object({
  id: z.number(),
  title: z.string().max(1000),
  link: z.string().max(2048).optional(),
  ...Cover,
  release_date: z.string().max(32).optional(),
  record_type: z.string().max(32).optional(),
  nb_tracks: z.number().int().nonnegative().optional(),
  genres: z.object({ data: z.array(z.object({ name: z.string().max(200) })).max(20) }).optional(),
  artist: Artist,
});
const Playlist = z.object({
  id: z.number(),
  title: z.string().max(1000),
  link: z.string().max(2048).optional(),
  picture_xl: z.string().max(2048).nullable().optional(),
  nb_tracks: z.number().int().nonnegative().optional(),
  creator: z.object({ name: z.string().max(1000) }).optional(),
});

/** Deezer's "Various Artists" artist id. */
const VARIOUS_ARTISTS = 5080;
const httpUrl = (s: string | null | undefined) => (s && /^https?:\/\//.test(s) ? s : null);

/** Follows `next` links while they stay on the configured API origin (a hostile `next` goes nowhere else). */
async function allPages(deezer: Deezer, first: string, signal?: AbortSignal): Promise<Result<z.infer<typeof ListTrack>[]>> {
  const origin = new URL(deezer.url('/')).origin;
  const out: z.infer<typeof ListTrack>[] = [];
  let url: string | undefined = first;
  for (let page = 0; url && page < LIMITS.collectionMaxPages; page++) {
    const r: Result<z.infer<typeof Page>> = await deezer.http.getJson(url, Page, { signal, bodyError });
    if (!r.ok) return r;
    out.push(...r.value.data);
    url = r.value.next && URL.canParse(r.value.next) && new URL(r.value.next).origin === origin ? r.value.next : undefined;
  }
  return ok(out.slice(0, LIMITS.collectionMaxTracks));
}

const entry = (t: z.infer<typeof ListTrack>, i: number): CollectionEntry => ({
  position: t.track_position ?? i + 1,
  disc: t.disk_number ?? 1,
  title: t.title,
  artists: [t.artist.name],
  durationSec: t.duration && t.duration > 0 ? t.duration : null,
  isrc: t.isrc ? t.isrc.toUpperCase() : null,
  link: `https://www.deezer.com/track/${t.id}`,
});

export async function deezerAlbum(deezer: Deezer, id: string, signal?: AbortSignal): Promise<Result<CollectionListing>> {
  if (!/^\d{1,20}$/.test(id)) return fail(new ProviderError('deezer', 'not_found', 'bad album id'));
  // Both at once: the album's facts and its full track list are independent requests.
  const [a, list] = await Promise.all([deezer.http.getJson(deezer.url(`/album/${id}`), Album, { signal, bodyError }), allPages(deezer, deezer.url(`/album/${id}/tracks?limit=100`), signal)]);
  if (!a.ok) return a;
  if (!list.ok) return list;
  const entries = list.value.map(entry);
  const al = a.value;
  return ok({
    kind: 'album',
    title: al.title,
    artists: [al.artist.name],
    source: 'deezer',
    url: al.link ?? `https://www.deezer.com/album/${al.id}`,
    coverUrl: httpUrl(al.cover_xl ?? al.cover_big),
    date: al.release_date ?? null,
    genre: al.genres?.data[0]?.name ?? null,
    compilation: al.record_type === 'compile' || al.artist.id === VARIOUS_ARTISTS,
    trackTotal: al.nb_tracks ?? entries.length,
    discTotal: Math.max(1, ...entries.map((e) => e.disc)),
    entries,
  });
}

export async function deezerPlaylist(deezer: Deezer, id: string, signal?: AbortSignal): Promise<Result<CollectionListing>> {
  if (!/^\d{1,20}$/.test(id)) return fail(new ProviderError('deezer', 'not_found', 'bad playlist id'));
  const p = await deezer.http.getJson(deezer.url(`/playlist/${id}`), Playlist, { signal, bodyError });
  if (!p.ok) return p;
  const list = await allPages(deezer, deezer.url(`/playlist/${id}/tracks?limit=100`), signal);
  if (!list.ok) return list;
  // A playlist's position is its order, not the album's track number.
  const entries = list.value.map((t, i) => ({ ...entry(t, i), position: i + 1, disc: 1 }));
  const pl = p.value;
  return ok({
    kind: 'playlist',
    title: pl.title,
    artists: pl.creator ? [pl.creator.name] : [],
    source: 'deezer',
    url: pl.link ?? `https://www.deezer.com/playlist/${pl.id}`,
    coverUrl: httpUrl(pl.picture_xl),
    date: null,
    genre: null,
    compilation: false,
    trackTotal: entries.length,
    discTotal: 1,
    entries,
  });
}
