/**
 * Level 0, iTunes Search / Lookup: a second duration, the preview URL and high-resolution
 * artwork (the `100x100bb` size in artworkUrl100 can be raised). iTunes has no ISRC.
 * It allows about 20 requests per minute and answers 403 when throttled.
 */
import { z } from 'zod';
import { HttpProvider } from './http.js';
import { tokens } from './normalize.js';
import { ProviderError, fail, ok, type Result } from './provider-error.js';
import { textSimilarity } from './similarity.js';
import { emptyTrack, type ProviderClientOptions, type ProviderTrack } from './types.js';

const Item = z.object({
  wrapperType: z.string().optional(),
  kind: z.string().optional(),
  trackId: z.number().optional(),
  trackName: z.string().max(1000).optional(),
  artistName: z.string().max(1000).optional(),
  collectionName: z.string().max(1000).optional(),
  trackViewUrl: z.string().max(4096).optional(),
  previewUrl: z.string().max(4096).optional(),
  artworkUrl100: z.string().max(4096).optional(),
  trackTimeMillis: z.number().nonnegative().optional(),
  releaseDate: z.string().max(64).optional(),
  trackNumber: z.number().int().optional(),
});
const Page = z.object({ resultCount: z.number(), results: z.array(Item).max(200) });
type Item = z.infer<typeof Item>;

/** "…/100x100bb.jpg" -> "…/1200x1200bb.jpg". */
export function hiResArtwork(url: string | undefined, size = 1200): string | null {
  if (!url) return null;
  return url.replace(/\/\d+x\d+(bb|cc|sr)?(\.[a-z]+)$/i, `/${size}x${size}bb$2`);
}

function toTrack(i: Item): ProviderTrack {
  return {
    ...emptyTrack('itunes'),
    title: i.trackName ?? null,
    artists: i.artistName ? [i.artistName] : [],
    album: i.collectionName ?? null,
    durationSec: i.trackTimeMillis ? i.trackTimeMillis / 1000 : null,
    artworkUrl: hiResArtwork(i.artworkUrl100),
    previewUrl: i.previewUrl ?? null,
    trackNumber: i.trackNumber ?? null,
    releaseDate: i.releaseDate ? i.releaseDate.slice(0, 10) : null,
    link: i.trackViewUrl ?? null,
  };
}

export interface ITunesOptions extends ProviderClientOptions {
  /** Store country, default 'US'. */
  country?: string;
}

export class ITunes {
  readonly http: HttpProvider;
  constructor(private readonly o: ITunesOptions) {
    this.http = new HttpProvider({
      name: 'itunes',
      limit: o.limit ?? { max: 20, windowMs: 60_000, concurrency: 2 },
      throttleStatuses: [429, 403],
      log: o.log,
      fetch: o.fetch,
      timeoutMs: o.timeoutMs,
    });
  }

  url(path: string): string {
    return `${this.o.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  async lookup(id: string, signal?: AbortSignal): Promise<Result<ProviderTrack>> {
    if (!/^\d{1,20}$/.test(id)) return fail(new ProviderError('itunes', 'not_found', 'bad track id'));
    const r = await this.http.getJson(this.url(`/lookup?id=${id}&entity=song`), Page, { signal });
    if (!r.ok) return r;
    const song = r.value.results.find((x) => x.kind === 'song' || x.wrapperType === 'track');
    return song ? ok(toTrack(song)) : fail(new ProviderError('itunes', 'not_found', `no song with id ${id}`));
  }

  /** Search songs; picks the result that best agrees on title, artist and (when known) duration. */
  async search(q: { artist: string | null; title: string; durationSec?: number | null }, signal?: AbortSignal): Promise<Result<ProviderTrack>> {
    const term = [q.artist, q.title].filter(Boolean).join(' ');
    const country = encodeURIComponent(this.o.country ?? 'US');
    const r = await this.http.getJson(this.url(`/search?term=${encodeURIComponent(term)}&entity=song&limit=10&country=${country}`), Page, { signal });
    if (!r.ok) return r;
    const want = tokens(q.title);
    const scored = r.value.results
      .filter((x) => x.trackName && (x.kind === 'song' || x.kind === undefined))
      .map((x, rank) => {
        let s = q.artist
          ? textSimilarity(want, tokens(x.trackName ?? '')) + textSimilarity(tokens(q.artist), tokens(x.artistName ?? ''))
          : textSimilarity(want, tokens(`${x.artistName ?? ''} ${x.trackName ?? ''}`));
        if (q.durationSec && x.trackTimeMillis) s += Math.abs(q.durationSec - x.trackTimeMillis / 1000) <= 3 ? 0.3 : -0.2;
        return { x, s: s - rank * 0.01 };
      })
      .sort((a, b) => b.s - a.s);
    const best = scored[0];
    if (!best || best.s < (q.artist ? 1.2 : 0.6)) return fail(new ProviderError('itunes', 'not_found', 'no search result resembles the query'));
    return ok(toTrack(best.x));
  }
}
