/**
 * The fallback's corroboration: yt-dlp's YouTube Music searches give id, url and title only, so the
 * few best of those hits are looked up with `yt-dlp -J --skip-download -- URL` (in parallel, bounded
 * by the resolve's signal) for duration, channel and, on auto-generated "Provided to YouTube"
 * uploads, track / artists / album. A hit whose lookup fails stays title-only (never confident).
 */
import { execa } from 'execa';
import { z } from 'zod';
import { YOUTUBE_ID } from '../../shared/music-link.js';
import type { SearchHit } from './match.js';
import type { ResolverLog } from './types.js';
import { untilAborted } from './until-aborted.js';
import type { YtdlpBatcher } from './collection/ytdlp-batch.js';

const Str = z.string().trim().min(1).max(1000);
const Info = z.object({
  id: z.string().regex(YOUTUBE_ID),
  duration: z.number().nonnegative().max(86_400).nullish(),
  channel: Str.nullish(),
  uploader: Str.nullish(),
  view_count: z.number().nonnegative().nullish(),
  track: Str.nullish(),
  // yt-dlp >= 2024 gives artists[]; older ones (2023.03.04) a comma-joined artist.
  artists: z.array(Str).max(50).nullish(),
  artist: Str.nullish(),
  album: Str.nullish(),
});

export interface EnrichOptions {
  ytdlp: string;
  log?: ResolverLog;
  /** Per lookup, default 15 s (the resolve's signal bounds it too). */
  timeoutMs?: number;
  /** Shares lookups between an album's tracks (batched calls only). */
  batcher?: YtdlpBatcher | null;
}

export function enrichArgs(url: string): string[] {
  return ['--ignore-config', '--no-warnings', '--no-playlist', '-J', '--skip-download', '--', url];
}

/** Parses `-J` output into what it adds to a hit; null when it is not a video's info for this id. */
export function parseEnrichOutput(stdout: string, id: string): Partial<SearchHit> | null {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return null;
  }
  const r = Info.safeParse(doc);
  if (!r.success || r.data.id !== id) return null;
  const v = r.data;
  const channel = v.channel ?? v.uploader ?? null;
  const artists = v.artists ?? (v.artist ? v.artist.split(/,\s*/) : null);
  // Only auto-generated uploads carry track/artist from their "Provided to YouTube" description.
  const generated = !!v.track && !!artists?.length && /\s-\sTopic$/i.test(channel ?? '');
  return {
    durationSec: v.duration ?? null,
    channel,
    views: v.view_count ?? null,
    ...(generated ? { artists: artists ?? undefined, album: v.album ?? null, upload: 'atv' as const } : {}),
  };
}

export class YtdlpEnricher {
  constructor(private readonly o: EnrichOptions) {}

  async one(hit: SearchHit, signal?: AbortSignal, batch = false): Promise<SearchHit> {
    if (signal?.aborted) return hit;
    const started = Date.now();
    if (batch && this.o.batcher) {
      const args = enrichArgs(`https://www.youtube.com/watch?v=${hit.id}`);
      const at = args.indexOf('--');
      const doc = await this.o.batcher.run(args.slice(0, at), args[at + 1] ?? '', (d) => d.id === hit.id, signal);
      const extra = doc ? parseEnrichOutput(JSON.stringify(doc), hit.id) : null;
      this.o.log?.({ level: 'debug', event: 'ytdlp.enrich', id: hit.id, ok: extra !== null, ms: Date.now() - started });
      return extra ? { ...hit, ...extra, album: extra.album ?? hit.album ?? null } : hit;
    }
    try {
      const sub = execa(this.o.ytdlp, enrichArgs(`https://www.youtube.com/watch?v=${hit.id}`), {
        timeout: this.o.timeoutMs ?? 15_000,
        cancelSignal: signal,
        forceKillAfterDelay: 2000,
        stdin: 'ignore',
        maxBuffer: 50_000_000,
      });
      const r = await untilAborted(sub, signal);
      const extra = parseEnrichOutput(r.stdout, hit.id);
      this.o.log?.({ level: 'debug', event: 'ytdlp.enrich', id: hit.id, ok: extra !== null, ms: Date.now() - started });
      return extra ? { ...hit, ...extra, album: extra.album ?? hit.album ?? null } : hit;
    } catch (e) {
      const err = e as { isCanceled?: boolean; timedOut?: boolean; shortMessage?: string };
      this.o.log?.({ level: err.isCanceled ? 'debug' : 'warn', event: 'ytdlp.enrich.failed', id: hit.id, timedOut: err.timedOut ?? false, error: (err.shortMessage ?? String(e)).slice(0, 300), ms: Date.now() - started });
      return hit;
    }
  }

  /** Enriches the given hits at once; the rest of the list is returned unchanged. */
  async some(hits: SearchHit[], ids: string[], signal?: AbortSignal, batch = false): Promise<SearchHit[]> {
    const want = new Set(ids);
    return Promise.all(hits.map((h) => (want.has(h.id) ? this.one(h, signal, batch) : h)));
  }
}
