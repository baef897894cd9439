/**
 * A resolved album or playlist -> the tags of each track and the `batch` request that downloads it
 * into `<Album artist>/<Album>/NN - Title.ext`. Shared: the album window sends the request, and
 * `nexstream download <album> --resolve` submits the same items as the same batch job.
 */
import { NexError } from './errors.js';
import { TrackTags } from './protocol/models.js';
import type { CollectionTrack, ResolvedCollection } from './protocol/collection.js';
import type { PresetId } from './presets.js';

export const VARIOUS_ARTISTS = 'Various Artists';

/** The batch request's item (BatchItem of the batch job's contract). */
export interface AlbumBatchItem {
  url: string;
  index: number;
  title?: string;
  fileStem?: string;
  tags?: TrackTags;
  archiveKey?: string;
}

/** The `batch` request without its id (the client adds it). */
export interface AlbumBatchRequest {
  type: 'batch';
  preset: PresetId;
  folder: [string, string];
  indexPrefix: boolean;
  source: { kind: 'items'; items: AlbumBatchItem[] };
}

export function albumArtist(c: ResolvedCollection): string {
  if (c.compilation) return VARIOUS_ARTISTS;
  return c.artists[0] || (c.kind === 'playlist' ? 'Playlists' : 'Unknown artist');
}

/** "01 - Title"; "2-03 - Title" on a multi-disc album (track numbers restart per disc). Width follows the total. */
export function fileStem(c: ResolvedCollection, t: CollectionTrack): string {
  const width = Math.max(2, String(c.kind === 'album' ? Math.max(c.trackTotal, t.position) : c.tracks.length).length);
  const n = String(t.position).padStart(width, '0');
  const title = t.result?.title ?? t.title;
  return `${c.discTotal > 1 && c.kind === 'album' ? `${t.disc}-` : ''}${n} - ${title}`;
}

/** Album tags for one track: album artist, n/N, disc n/N, date, genre, ISRC, full-size cover, compilation. */
export function albumTrackTags(c: ResolvedCollection, t: CollectionTrack): TrackTags {
  const r = t.result;
  const artists = r?.artists.length ? r.artists : t.artists;
  const album = c.kind === 'album';
  const raw: TrackTags = {
    title: r?.title ?? t.title,
    artist: artists.length ? artists.join(', ') : undefined,
    album: album ? c.title : (r?.album ?? undefined),
    albumArtist: album ? albumArtist(c) : (r?.artists[0] ?? undefined),
    date: (album ? c.date : null) ?? r?.releaseDate ?? undefined,
    track: album ? t.position : (r?.trackNumber ?? undefined),
    trackTotal: album && c.trackTotal > 0 ? c.trackTotal : undefined,
    disc: album ? t.disc : undefined,
    discTotal: album ? c.discTotal : undefined,
    genre: album ? (c.genre ?? undefined) : undefined,
    compilation: album ? c.compilation : undefined,
    isrc: t.isrc ?? r?.isrc ?? undefined,
    coverUrl: (album ? c.coverUrl : null) ?? r?.artworkUrl ?? undefined,
  };
  const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== null && v !== '')) as TrackTags;
  const ok = TrackTags.safeParse(clean);
  if (ok.success) return ok.data;
  const { coverUrl: _c, ...rest } = clean;
  return TrackTags.parse(rest);
}

/** Tracks with a confident match, in album order; the others are what the summary lists as not downloaded. */
export function matchedTracks(c: ResolvedCollection): CollectionTrack[] {
  return c.tracks.filter((t) => t.result?.match).sort((a, b) => a.disc - b.disc || a.position - b.position);
}

export function albumBatch(c: ResolvedCollection, preset: PresetId): AlbumBatchRequest {
  const items = matchedTracks(c).map((t, i): AlbumBatchItem => {
    const m = t.result?.match;
    return {
      url: m?.url ?? '',
      index: i + 1,
      title: t.result?.title ?? t.title,
      fileStem: fileStem(c, t),
      tags: albumTrackTags(c, t),
      ...(m?.id && { archiveKey: `youtube ${m.id}` }),
    };
  });
  if (!items.length) throw new NexError('resolver.no_match', 'No track of this album has a confident match.', { tracks: c.tracks.length });
  // The file stems carry the numbers already; the batch must not prefix them again.
  return { type: 'batch', preset, folder: [albumArtist(c), c.title], indexPrefix: false, source: { kind: 'items', items } };
}
