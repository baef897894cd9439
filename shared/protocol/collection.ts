/** Albums and playlists resolved track by track ("Resolve this album / playlist"). */
import { z } from 'zod';
import { ErrorPayload, HttpUrl } from './models.js';
import { ResolveResult } from './track.js';

const Name = z.string().max(1000);

/** A row the content script read from a page no keyless API lists (a Spotify playlist). */
export const PageRow = z.object({
  title: Name.min(1),
  artists: z.array(Name).max(50),
  durationSec: z.number().positive().max(24 * 3600).nullable(),
});
export type PageRow = z.infer<typeof PageRow>;

/** One entry of the catalogue's track list, before it is resolved. */
export const CollectionEntry = z.object({
  position: z.number().int().positive(),
  disc: z.number().int().positive(),
  title: Name,
  artists: z.array(Name).max(50),
  durationSec: z.number().nonnegative().nullable(),
  isrc: z.string().max(32).nullable(),
  /** The catalogue's own track page (what the single resolver is asked with), null for page rows. */
  link: HttpUrl.nullable(),
});
export type CollectionEntry = z.infer<typeof CollectionEntry>;

export const CollectionTrack = CollectionEntry.extend({
  /** The single-track resolve of this entry; null when it failed (error says why). */
  result: ResolveResult.nullable(),
  error: ErrorPayload.nullable(),
});
export type CollectionTrack = z.infer<typeof CollectionTrack>;

export const CollectionMeta = z.object({
  kind: z.enum(['album', 'playlist']),
  title: Name,
  artists: z.array(Name).max(50),
  /** Where the track list came from: a catalogue API or the rows of the page the user is on. */
  source: z.enum(['deezer', 'itunes', 'page']),
  url: z.string().max(8192),
  coverUrl: HttpUrl.nullable(),
  /** YYYY-MM-DD or YYYY. */
  date: z.string().max(32).nullable(),
  genre: Name.nullable(),
  compilation: z.boolean(),
  trackTotal: z.number().int().nonnegative(),
  discTotal: z.number().int().positive(),
});
export type CollectionMeta = z.infer<typeof CollectionMeta>;

export const CollectionListing = CollectionMeta.extend({ entries: z.array(CollectionEntry).max(2000) });
export type CollectionListing = z.infer<typeof CollectionListing>;

export const ResolvedCollection = CollectionMeta.extend({ tracks: z.array(CollectionTrack).max(2000) });
export type ResolvedCollection = z.infer<typeof ResolvedCollection>;
