import type { CollectionTrack } from '../../shared/protocol/index.js';
import { resolveCollection } from '../resolver/collection/resolve-collection.js';
import type { Handler } from './types.js';

/** Candidates kept per track in the reply and events: the album window's "Not this one?" needs a few, not all (frame size). */
const CANDIDATES_PER_TRACK = 5;
const slim = (t: CollectionTrack): CollectionTrack => (t.result ? { ...t, result: { ...t.result, candidates: t.result.candidates.slice(0, CANDIDATES_PER_TRACK) } } : t);

/** Lists an album / playlist and resolves its tracks; the listing and each track stream as events with this request's id. */
export const resolveCollectionHandler: Handler<'resolve.collection'> = async (req, ctx) => {
  const resolver = await ctx.resolver();
  const c = await resolveCollection(resolver, req.input, {
    page: req.page,
    noCache: req.noCache,
    signal: ctx.signal,
    onListing: (listing) => ctx.emit({ kind: 'event', event: 'resolve.collection.listing', requestId: req.id, listing }),
    onTrack: (track, index) => ctx.emit({ kind: 'event', event: 'resolve.collection.track', requestId: req.id, index, track: slim(track) }),
  });
  return { ...c, tracks: c.tracks.map(slim) };
};
