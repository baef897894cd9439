/**
 * `nexstream download <url-or-text> --resolve`: resolve, then hand the download the matched video
 * with the official tags (title, artists, album, track number, year, ISRC, high-resolution cover).
 */
import { NexError } from '../../shared/errors.js';
import type { TrackTags } from '../../shared/protocol/index.js';
import { tagsFrom } from '../../shared/track-tags.js';
import { ConfigStore } from '../config/store.js';
import { secretValues } from '../config/public.js';
import { Logger } from '../log/logger.js';
import { resolverFor } from './service.js';

export async function resolveForDownload(input: string, io: { env: Record<string, string | undefined> }): Promise<{ url: string; title?: string; tags?: TrackTags }> {
  const config = new ConfigStore(io.env);
  const log = new Logger({ file: { path: config.get().paths.logFile }, secrets: () => secretValues(config.get()) });
  const { resolver, registry } = await resolverFor({ config, log });
  try {
    const r = await resolver.resolve(input);
    if (!r.match) throw new NexError('resolver.no_match', 'No confident match; run `nexstream resolve` to see the candidates.', { candidates: r.candidates.slice(0, 5) });
    return { url: r.match.url, title: r.title ?? undefined, tags: tagsFrom(r) };
  } finally {
    await resolver.idle();
    await registry.close();
  }
}
