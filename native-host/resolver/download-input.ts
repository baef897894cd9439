/**
 * `nexstream download <url-or-text> --resolve`: resolve, then hand the download the matched video
 * with the official tags (title, artists, album, track number, year, ISRC, high-resolution cover).
 */
import { NexError } from '../../shared/errors.js';
import type { TrackTags } from '../../shared/protocol/index.js';
import { tagsFrom } from '../../shared/track-tags.js';
import type { Resolver } from './resolve.js';

export interface ResolvedInput {
  url: string;
  title?: string;
  tags?: TrackTags;
}

export async function resolveForDownload(input: string, resolver: Resolver): Promise<ResolvedInput> {
  const r = await resolver.resolve(input);
  if (!r.match) throw new NexError('resolver.no_match', 'No confident match; run `nexstream resolve` to see the candidates.', { candidates: r.candidates.slice(0, 5) });
  return { url: r.match.url, title: r.title ?? undefined, tags: tagsFrom(r) };
}
