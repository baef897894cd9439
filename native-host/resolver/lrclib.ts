/**
 * Lyrics from LRCLIB (keyless): `GET /api/get?track_name&artist_name&album_name&duration` answers one
 * record {id, trackName, artistName, albumName, duration, instrumental, plainLyrics, syncedLyrics} or
 * 404 {code, name, message}. LRCLIB matches the duration within 2 s itself; we check it again, since a
 * wrong song's lyrics are worse than none. It asks clients to name themselves in the User-Agent.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { HOST_VERSION } from '../version.js';
import { HttpProvider } from './http.js';
import { ok, ProviderError, fail, type Result } from './provider-error.js';
import type { ProviderClientOptions } from './types.js';

const Record_ = z.object({
  id: z.number(),
  trackName: z.string().max(1000).nullable().optional(),
  artistName: z.string().max(1000).nullable().optional(),
  albumName: z.string().max(1000).nullable().optional(),
  duration: z.number().nonnegative().nullable().optional(),
  instrumental: z.boolean().optional(),
  plainLyrics: z.string().max(200_000).nullable().optional(),
  syncedLyrics: z.string().max(400_000).nullable().optional(),
});

export interface LyricsQuery {
  title: string;
  artist: string;
  album?: string | null;
  durationSec: number;
}

export interface Lyrics {
  /** LRC text ("[mm:ss.xx] line") when LRCLIB has it synced, else plain text. */
  text: string;
  synced: boolean;
}

/** LRCLIB's own rule: the duration must agree within 2 s. */
export const LYRICS_DURATION_TOLERANCE_SEC = 2;
export const USER_AGENT = `NexStream/${HOST_VERSION} (https://github.com/nexstream/nexstream)`;

export class Lrclib {
  readonly http: HttpProvider;
  constructor(private readonly o: ProviderClientOptions) {
    this.http = new HttpProvider({
      name: 'lrclib',
      limit: o.limit ?? { max: 10, windowMs: 1000, concurrency: 2 },
      log: o.log,
      fetch: o.fetch,
      timeoutMs: o.timeoutMs ?? LIMITS.lyricsMs,
      retries: 0,
      headers: { 'user-agent': USER_AGENT },
    });
  }

  /** Lyrics for the recording, or not_found (none, instrumental, or a duration that disagrees). */
  async get(q: LyricsQuery, signal?: AbortSignal): Promise<Result<Lyrics>> {
    const params = new URLSearchParams({ track_name: q.title, artist_name: q.artist, duration: String(Math.round(q.durationSec)) });
    if (q.album) params.set('album_name', q.album);
    const r = await this.http.getJson(`${this.o.baseUrl.replace(/\/+$/, '')}/api/get?${params}`, Record_, { signal });
    if (!r.ok) return r;
    const v = r.value;
    const none = (why: string): Result<Lyrics> => fail(new ProviderError('lrclib', 'not_found', why));
    if (v.duration != null && Math.abs(v.duration - q.durationSec) > LYRICS_DURATION_TOLERANCE_SEC) return none(`duration ${v.duration} s vs ${q.durationSec} s`);
    if (v.instrumental) return none('instrumental');
    if (v.syncedLyrics?.trim()) return ok({ text: v.syncedLyrics.trim(), synced: true });
    if (v.plainLyrics?.trim()) return ok({ text: v.plainLyrics.trim(), synced: false });
    return none('no lyrics in the record');
  }
}
