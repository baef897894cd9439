/**
 * Level 1, Odesli (song.link): `GET /v1-alpha.1/links?url=…` maps one platform's track to the
 * others: its YouTube / YouTube Music links and the platform ids (Deezer's leads to the ISRC).
 * 10 requests per minute without a key.
 */
import { z } from 'zod';
import { HttpProvider } from './http.js';
import { ok, type Result } from './provider-error.js';
import type { ProviderClientOptions } from './types.js';
import { LIMITS } from '../limits.js';

const Entity = z.object({
  id: z.string().max(200),
  type: z.string().max(50).optional(),
  title: z.string().max(1000).optional(),
  artistName: z.string().max(1000).optional(),
  thumbnailUrl: z.string().max(4096).optional(),
  apiProvider: z.string().max(50).optional(),
});
const PlatformLink = z.object({ url: z.string().max(4096), entityUniqueId: z.string().max(300) });
const Links = z.object({
  entityUniqueId: z.string().max(300),
  pageUrl: z.string().max(4096).optional(),
  entitiesByUniqueId: z.record(Entity),
  linksByPlatform: z.record(PlatformLink),
});

export interface OdesliMapping {
  /** The entity Odesli matched the asked URL to, e.g. "DEEZER_SONG::3135556". */
  sourceEntity: string;
  title: string | null;
  artist: string | null;
  /** Platform -> that platform's track id (deezer, spotify, appleMusic, youtube, youtubeMusic, ...). */
  ids: Record<string, string>;
  youtubeId: string | null;
  youtubeMusicId: string | null;
  pageUrl: string | null;
}

export interface OdesliOptions extends ProviderClientOptions {
  apiKey?: string | null;
}

export class Odesli {
  readonly http: HttpProvider;
  constructor(private readonly o: OdesliOptions) {
    this.http = new HttpProvider({
      name: 'odesli',
      limit: o.limit ?? { max: o.apiKey ? 60 : 10, windowMs: 60_000, concurrency: 2 },
      log: o.log,
      fetch: o.fetch,
      timeoutMs: o.timeoutMs ?? LIMITS.slowProviderMs,
      retries: 1,
    });
  }

  async links(url: string, signal?: AbortSignal): Promise<Result<OdesliMapping>> {
    const base = this.o.baseUrl.replace(/\/+$/, '');
    const key = this.o.apiKey ? `&key=${encodeURIComponent(this.o.apiKey)}` : '';
    const r = await this.http.getJson(`${base}/v1-alpha.1/links?url=${encodeURIComponent(url)}&songIfSingle=true${key}`, Links, { signal });
    if (!r.ok) return r;
    const b = r.value;
    const ids: Record<string, string> = {};
    for (const [platform, l] of Object.entries(b.linksByPlatform)) {
      const e = b.entitiesByUniqueId[l.entityUniqueId];
      if (e) ids[platform] = e.id;
    }
    const main = b.entitiesByUniqueId[b.entityUniqueId];
    return ok({
      sourceEntity: b.entityUniqueId,
      title: main?.title ?? null,
      artist: main?.artistName ?? null,
      ids,
      youtubeId: ids.youtube ?? null,
      youtubeMusicId: ids.youtubeMusic ?? null,
      pageUrl: b.pageUrl ?? null,
    });
  }
}
