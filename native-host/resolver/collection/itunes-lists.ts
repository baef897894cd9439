/**
 * Apple Music albums through the iTunes Lookup API: `lookup?id=<collectionId>&entity=song` answers the
 * collection (wrapperType "collection") followed by its songs (wrapperType "track", kind "song") with
 * trackNumber/trackCount and discNumber/discCount. iTunes has no ISRC; Apple playlists are not in it.
 */
import { z } from 'zod';
import type { CollectionEntry, CollectionListing } from '../../../shared/protocol/collection.js';
import { hiResArtwork, type ITunes } from '../itunes.js';
import { ProviderError, fail, ok, type Result } from '../provider-error.js';

const Row = z.object({
  wrapperType: z.string().max(50).optional(),
  kind: z.string().max(50).optional(),
  collectionType: z.string().max(50).optional(),
  collectionId: z.number().optional(),
  trackId: z.number().optional(),
  artistName: z.string().max(1000).optional(),
  collectionArtistName: z.string().max(1000).optional(),
  collectionName: z.string().max(1000).optional(),
  collectionViewUrl: z.string().max(4096).optional(),
  trackName: z.string().max(1000).optional(),
  trackViewUrl: z.string().max(4096).optional(),
  artworkUrl100: z.string().max(4096).optional(),
  trackTimeMillis: z.number().nonnegative().optional(),
  trackNumber: z.number().int().optional(),
  trackCount: z.number().int().optional(),
  discNumber: z.number().int().optional(),
  discCount: z.number().int().optional(),
  releaseDate: z.string().max(64).optional(),
  primaryGenreName: z.string().max(200).optional(),
});
const Page = z.object({ resultCount: z.number(), results: z.array(Row).max(500) });

export async function itunesAlbum(itunes: ITunes, id: string, signal?: AbortSignal): Promise<Result<CollectionListing>> {
  if (!/^\d{1,20}$/.test(id)) return fail(new ProviderError('itunes', 'not_found', 'bad album id'));
  const r = await itunes.http.getJson(itunes.url(`/lookup?id=${id}&entity=song&limit=200`), Page, { signal });
  if (!r.ok) return r;
  const album = r.value.results.find((x) => x.wrapperType === 'collection');
  if (!album?.collectionName) return fail(new ProviderError('itunes', 'not_found', `no album with id ${id}`));
  const songs = r.value.results.filter((x) => x.wrapperType === 'track' && x.kind === 'song' && x.trackName && x.trackId);
  const entries: CollectionEntry[] = songs.map((s, i) => ({
    position: s.trackNumber && s.trackNumber > 0 ? s.trackNumber : i + 1,
    disc: s.discNumber && s.discNumber > 0 ? s.discNumber : 1,
    title: s.trackName ?? '',
    artists: s.artistName ? [s.artistName] : [],
    durationSec: s.trackTimeMillis ? s.trackTimeMillis / 1000 : null,
    isrc: null,
    // A song link the single resolver reads as Apple Music track `trackId`.
    link: `https://music.apple.com/us/song/${s.trackId}`,
  }));
  const artist = album.collectionArtistName ?? album.artistName ?? '';
  return ok({
    kind: 'album',
    title: album.collectionName,
    artists: artist ? [artist] : [],
    source: 'itunes',
    url: album.collectionViewUrl ?? `https://music.apple.com/us/album/${id}`,
    coverUrl: hiResArtwork(album.artworkUrl100, 3000),
    date: album.releaseDate ? album.releaseDate.slice(0, 10) : null,
    genre: album.primaryGenreName ?? null,
    compilation: /^various artists$/i.test(artist),
    trackTotal: album.trackCount ?? entries.length,
    discTotal: Math.max(1, ...songs.map((s) => s.discCount ?? 1)),
    entries,
  });
}
