/** The album window <-> background messages (runtime.sendMessage, polled: an album resolve takes seconds). */
import { z } from 'zod';
import { CollectionEntry, CollectionListing, CollectionTrack, ErrorPayload } from '../shared/protocol/index.js';

export const AlbumCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('download'), preset: z.string().max(32) }),
  z.object({ type: z.literal('pick'), index: z.number().int().nonnegative(), videoUrl: z.string().max(8192) }),
]);
export type AlbumCommand = z.infer<typeof AlbumCommand>;

export const AlbumView = z.object({
  id: z.string(),
  input: z.string(),
  status: z.enum(['listing', 'resolving', 'done', 'failed']),
  listing: CollectionListing.nullable(),
  entries: z.array(CollectionEntry),
  tracks: z.array(CollectionTrack.nullable()),
  error: ErrorPayload.nullable(),
  batch: z.object({ status: z.enum(['idle', 'sending', 'sent', 'failed']), jobId: z.string().optional(), error: ErrorPayload.optional() }),
});
export type AlbumView = z.infer<typeof AlbumView>;
