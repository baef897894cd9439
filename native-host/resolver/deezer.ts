/**
 * Level 0, Deezer: `/track/isrc:CODE`, `/track/{id}`, and advanced search (`artist:"X" track:"Y"`)
 * followed by `/track/{id}` because search results carry no ISRC. Deezer reports errors, quota
 * included (code 4), as HTTP 200 with an `error` object.
 */
import { z } from 'zod';
import { HttpProvider, type GetOptions } from './http.js';
import { fold, tokens } from './normalize.js';
import { ProviderError, fail, ok, type Result } from './provider-error.js';
import { textSimilarity } from './similarity.js';
import { emptyTrack, type ProviderClientOptions, type ProviderTrack } from './types.js';

const Artist = z.object({ id: z.number().optional(), name: z.string().max(500) });
const Album = z.object({
  id: z.number().optional(),
  title: z.string().max(1000).optional(),
  cover_xl: z.string().max(2048).nullable().optional(),
  cover_big: z.string().max(2048).nullable().optional(),
  release_date: z.string().max(32).optional(),
});
export const DeezerTrack = z.object({
  id: z.number(),
  title: z.string().max(1000),
  isrc: z.string().max(32).optional(),
  link: z.string().max(2048).optional(),
  duration: z.number().nonnegative().optional(),
  track_position: z.number().int().optional(),
  release_date: z.string().max(32).optional(),
  preview: z.string().max(4096).optional(),
  artist: Artist,
  contributors: z.array(Artist.extend({ role: z.string().optional() })).max(100).optional(),
  album: Album.optional(),
});
const SearchHit = z.object({
  id: z.number(),
  title: z.string().max(1000),
  duration: z.number().optional(),
  artist: Artist,
  album: Album.optional(),
});
const SearchPage = z.object({ data: z.array(SearchHit).max(200), total: z.number().optional() });

/** Deezer's 200-with-error answers: code 4 is the quota, 800 "no data". */
const ErrorBody = z.object({ error: z.object({ type: z.string().optional(), message: z.string().optional(), code: z.number().optional() }) });
export const bodyError: NonNullable<GetOptions['bodyError']> = (body) => {
  const e = ErrorBody.safeParse(body);
  if (!e.success) return null;
  const { code, message = 'error' } = e.data.error;
  if (code === 4) return { kind: 'throttled', message: `quota exceeded (${message})` };
  if (code === 800) return { kind: 'not_found', message: 'no data' };
  return { kind: 'api_error', message: `${e.data.error.type ?? 'error'} ${code ?? ''}: ${message}`.trim() };
};

export function toProviderTrack(t: z.infer<typeof DeezerTrack>): ProviderTrack {
  const names = [t.artist.name, ...(t.contributors ?? []).map((c) => c.name)];
  const artists = names.filter((n, i) => names.findIndex((m) => fold(m) === fold(n)) === i);
  return {
    ...emptyTrack('deezer'),
    title: t.title,
    artists,
    album: t.album?.title ?? null,
    isrc: t.isrc ? t.isrc.toUpperCase() : null,
    durationSec: t.duration && t.duration > 0 ? t.duration : null,
    artworkUrl: t.album?.cover_xl ?? t.album?.cover_big ?? null,
    previewUrl: t.preview || null,
    trackNumber: t.track_position ?? null,
    releaseDate: t.release_date ?? t.album?.release_date ?? null,
    link: t.link ?? `https://www.deezer.com/track/${t.id}`,
  };
}

export type DeezerOptions = ProviderClientOptions;

export class Deezer {
  readonly http: HttpProvider;
  constructor(private readonly o: DeezerOptions) {
    // Deezer allows about 50 requests per 5 s per IP.
    this.http = new HttpProvider({ name: 'deezer', limit: o.limit ?? { max: 45, windowMs: 5000, concurrency: 4 }, log: o.log, fetch: o.fetch, timeoutMs: o.timeoutMs });
  }

  url(path: string): string {
    return `${this.o.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  async byIsrc(isrc: string, signal?: AbortSignal): Promise<Result<ProviderTrack>> {
    const r = await this.http.getJson(this.url(`/track/isrc:${encodeURIComponent(isrc)}`), DeezerTrack, { signal, bodyError });
    return r.ok ? ok(toProviderTrack(r.value)) : r;
  }

  async byId(id: string, signal?: AbortSignal): Promise<Result<ProviderTrack>> {
    if (!/^\d{1,20}$/.test(id)) return fail(new ProviderError('deezer', 'not_found', 'bad track id'));
    const r = await this.http.getJson(this.url(`/track/${id}`), DeezerTrack, { signal, bodyError });
    return r.ok ? ok(toProviderTrack(r.value)) : r;
  }

  /** Advanced search, then the full track (search hits are minimised: no ISRC, no contributors). */
  async search(q: { artist: string | null; title: string; durationSec?: number | null }, signal?: AbortSignal): Promise<Result<ProviderTrack>> {
    const quote = (s: string) => s.replace(/"/g, ' ').trim();
    const query = q.artist ? `artist:"${quote(q.artist)}" track:"${quote(q.title)}"` : q.title;
    const r = await this.http.getJson(this.url(`/search?q=${encodeURIComponent(query)}&limit=10`), SearchPage, { signal, bodyError });
    if (!r.ok) return r;
    const want = tokens(q.title);
    const wantArtist = q.artist ? tokens(q.artist) : null;
    const scored = r.value.data
      .map((h, rank) => {
        // Without an artist the text may hold both ("daft punk one more time"): compare it with both.
        let s = wantArtist
          ? textSimilarity(want, tokens(h.title)) + textSimilarity(wantArtist, tokens(h.artist.name))
          : textSimilarity(want, tokens(`${h.artist.name} ${h.title}`));
        s -= rank * 0.01;
        if (q.durationSec && h.duration) s += Math.abs(q.durationSec - h.duration) <= 3 ? 0.3 : 0;
        return { h, s };
      })
      .sort((a, b) => b.s - a.s);
    const best = scored[0];
    if (!best || best.s < (wantArtist ? 1.2 : 0.6)) return fail(new ProviderError('deezer', 'not_found', 'no search result resembles the query'));
    return this.byId(String(best.h.id), signal);
  }
}
