/**
 * Official tags for a download from what the resolver knows about a track. Shared so the host's
 * `download --resolve` and the extension's track view tag files the same way.
 */
import { TrackTags } from './protocol/models.js';
import type { TrackInfo } from './protocol/track.js';

/** Official tags from a (partial or final) resolve result; fields that fail validation (a non-http cover) are left out. */
export function tagsFrom(r: TrackInfo): TrackTags {
  const raw = {
    title: r.title ?? undefined,
    artist: r.artists.length ? r.artists.join(', ') : undefined,
    albumArtist: r.artists[0],
    album: r.album ?? undefined,
    date: r.releaseDate ?? undefined,
    track: r.trackNumber ?? undefined,
    isrc: r.isrc ?? undefined,
    coverUrl: r.artworkUrl ?? undefined,
  };
  const ok = TrackTags.safeParse(raw);
  if (ok.success) return ok.data;
  const { coverUrl: _c, ...rest } = raw;
  return TrackTags.parse(rest);
}
