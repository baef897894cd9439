/**
 * "Resolve this album / playlist": list the tracks, then resolve every one exactly like a single
 * track (registry hits are instant; the providers' own rate limits pace the HTTP), several at once.
 */
import pLimit from 'p-limit';
import { collectionLink } from '../../../shared/collection-link.js';
import { NexError, toErrorPayload } from '../../../shared/errors.js';
import type { CollectionEntry, CollectionListing, CollectionTrack, ResolvedCollection } from '../../../shared/protocol/collection.js';
import type { PageTrackMeta } from '../../../shared/protocol/track.js';
import { LIMITS } from '../../limits.js';
import type { Resolver } from '../resolve.js';
import type { ProviderTrack } from '../types.js';
import { listCollection, type PageListing } from './list.js';

export interface ResolveCollectionOptions {
  page?: PageListing;
  noCache?: boolean;
  signal?: AbortSignal;
  /** The listing, as soon as it is known (the album window shows the rows before they resolve). */
  onListing?: (l: CollectionListing) => void;
  /** Each track as its resolve ends, in completion order. */
  onTrack?: (t: CollectionTrack, index: number) => void;
  /** Resolves in flight at once, default LIMITS.collectionConcurrency. */
  concurrency?: number;
}

/** What the single resolver is asked: the catalogue's track link, else "Artist - Title" (page rows). */
export function entryInput(e: CollectionEntry): string {
  return e.link ?? (e.artists[0] ? `${e.artists[0]} - ${e.title}` : e.title);
}

function entryMeta(e: CollectionEntry, l: CollectionListing): PageTrackMeta {
  const meta: PageTrackMeta = { title: e.title };
  if (e.artists.length) meta.artists = e.artists;
  if (e.durationSec) meta.durationSec = e.durationSec;
  if (e.isrc) meta.isrc = e.isrc;
  if (l.kind === 'album') meta.album = l.title;
  return meta;
}

/**
 * The listing's row as the catalogue's own answer, when the listing came from Deezer's album or playlist
 * track list (title, artist, duration, ISRC, link): the track's resolve then asks neither catalogue again.
 */
export function knownTrack(e: CollectionEntry, l: CollectionListing): ProviderTrack | undefined {
  if (l.source !== 'deezer' || !e.isrc || !e.link) return undefined;
  const album = l.kind === 'album';
  return {
    provider: 'deezer',
    title: e.title,
    artists: e.artists,
    album: album ? l.title : null,
    isrc: e.isrc,
    durationSec: e.durationSec,
    artworkUrl: album ? l.coverUrl : null,
    previewUrl: null,
    trackNumber: album ? e.position : null,
    releaseDate: album ? l.date : null,
    link: e.link,
  };
}

export async function resolveCollection(resolver: Resolver, input: string, o: ResolveCollectionOptions = {}): Promise<ResolvedCollection> {
  const link = collectionLink(input);
  if (!link) throw new NexError('resolver.unsupported_link', 'Not an album or playlist link of Deezer, Apple Music, Spotify or Tidal.', { input: input.slice(0, 200) });
  const listing = await listCollection(resolver.providers, link, o.page, o.signal);
  o.onListing?.(listing);
  const limit = pLimit(o.concurrency ?? LIMITS.collectionConcurrency);
  const tracks = await Promise.all(
    listing.entries.map((e, i) =>
      limit(async (): Promise<CollectionTrack> => {
        let t: CollectionTrack;
        try {
          const known = knownTrack(e, listing);
          const result = await resolver.resolve(entryInput(e), { meta: entryMeta(e, listing), noCache: o.noCache, signal: o.signal, collection: true, ...(known && { known }) });
          t = { ...e, isrc: e.isrc ?? result.isrc, result, error: null };
        } catch (err) {
          t = { ...e, result: null, error: toErrorPayload(err) };
        }
        o.onTrack?.(t, i);
        return t;
      }),
    ),
  );
  const { entries: _e, ...meta } = listing;
  return { ...meta, tracks };
}

/** Every track has a confident match (the CLI's exit 0). */
export function allMatched(c: ResolvedCollection): boolean {
  return c.tracks.every((t) => t.result?.match);
}
