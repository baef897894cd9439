/**
 * YouTube candidates: the ISRC search and the songs search on YouTube Music through InnerTube
 * (ytmusic.ts: artists, album, duration, upload kind), and the video search (`ytsearchN:`) through
 * yt-dlp (path injected: NEXSTREAM_YTDLP), all at once. When InnerTube fails, that search is made
 * by yt-dlp instead (`--flat-playlist -J`: id, url and title only), and the best of those bare
 * hits are corroborated with a `-J --skip-download` lookup each (ytdlp-enrich.ts).
 * Arguments are arrays and `--` comes before anything user-derived.
 */
import { execa } from 'execa';
import { z } from 'zod';
import { YOUTUBE_ID } from '../../shared/music-link.js';
import { isBare, pickMatch, type SearchHit, type SearchKind, type TrackFacts } from './match.js';
import type { ResolverLog } from './types.js';
import { untilAborted } from './until-aborted.js';
import type { YtdlpEnricher } from './ytdlp-enrich.js';
import type { YtdlpBatcher } from './collection/ytdlp-batch.js';
import type { YtMusic } from './ytmusic.js';

const Entry = z.object({
  id: z.string().regex(YOUTUBE_ID),
  title: z.string().min(1).max(1000),
  url: z.string().max(4096).optional(),
  channel: z.string().max(500).nullable().optional(),
  uploader: z.string().max(500).nullable().optional(),
  duration: z.number().nonnegative().nullable().optional(),
  view_count: z.number().nonnegative().nullable().optional(),
});
const Playlist = z.object({ entries: z.array(z.unknown()).max(500) });

export interface SearchPlan {
  isrc?: string | null;
  /** "artist - title" query. */
  query: string;
  /** Results per search, default 20. */
  limit?: number;
  /** What the track is, to choose which bare fallback hits are worth a lookup. */
  track?: TrackFacts;
  /** One track of an album: its yt-dlp runs may be shared with the other tracks' (collection/ytdlp-batch.ts). */
  batch?: boolean;
}

/** How many bare (title-only) fallback hits are looked up; each costs a yt-dlp run of a few seconds. */
const ENRICH_TOP = 4;

export interface YoutubeSearchOptions {
  ytdlp: string;
  log?: ResolverLog;
  /** Per search, default 15 s. */
  timeoutMs?: number;
  /** YouTube Music through InnerTube; null = yt-dlp only. */
  ytmusic?: YtMusic | null;
  /** Corroborates bare fallback hits; null = no lookups. */
  enricher?: YtdlpEnricher | null;
  /** Shares yt-dlp runs between an album's tracks (plans with `batch`); absent = one run per search. */
  batcher?: YtdlpBatcher | null;
}

/** A batched search asks for the most any search asks for; each caller keeps its own first `limit`. */
const BATCH_LIMIT = 20;

export function searchArgs(kind: SearchKind, q: string, limit: number): string[] {
  const common = ['--ignore-config', '--no-warnings', '--flat-playlist', '-J', '--playlist-end', String(limit)];
  if (kind === 'videos') return [...common, '--', `ytsearch${limit}:${q}`];
  const url = `https://music.youtube.com/search?q=${encodeURIComponent(q)}${kind === 'songs' ? '#songs' : ''}`;
  return [...common, '--', url];
}

/** Parses yt-dlp's -J output; invalid entries are dropped, an invalid document gives []. */
export function parseSearchOutput(stdout: string, kind: SearchKind): SearchHit[] {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return [];
  }
  const pl = Playlist.safeParse(doc);
  if (!pl.success) return [];
  const hits: SearchHit[] = [];
  for (const raw of pl.data.entries) {
    const e = Entry.safeParse(raw);
    if (!e.success) continue;
    const v = e.data;
    const song = kind !== 'videos';
    hits.push({
      id: v.id,
      url: song ? `https://music.youtube.com/watch?v=${v.id}` : `https://www.youtube.com/watch?v=${v.id}`,
      title: v.title,
      channel: v.channel ?? v.uploader ?? null,
      // yt-dlp's YouTube Music results (`_music_reponsive_list_entry`) carry no artists or album.
      album: null,
      durationSec: v.duration ?? null,
      views: v.view_count ?? null,
      kind: song ? 'song' : 'video',
      foundBy: [kind],
      rank: hits.length + 1,
      isrcRank: kind === 'isrc' ? hits.length + 1 : undefined,
    });
  }
  return hits;
}

/** Joins hits found by several searches: one per id, union of searches, best rank. */
export function mergeHits(lists: SearchHit[][]): SearchHit[] {
  const byId = new Map<string, SearchHit>();
  for (const list of lists)
    for (const h of list) {
      const prev = byId.get(h.id);
      if (!prev) {
        byId.set(h.id, { ...h, foundBy: [...h.foundBy] });
        continue;
      }
      prev.foundBy = [...new Set([...prev.foundBy, ...h.foundBy])];
      prev.rank = Math.min(prev.rank, h.rank);
      if (h.isrcRank !== undefined) prev.isrcRank = Math.min(prev.isrcRank ?? Infinity, h.isrcRank);
      if (h.kind === 'song') {
        prev.kind = 'song';
        prev.url = h.url;
      }
      prev.channel ??= h.channel;
      prev.upload ??= h.upload;
      prev.artists ??= h.artists;
      prev.album ??= h.album;
      prev.views ??= h.views;
      prev.durationSec ??= h.durationSec;
    }
  return [...byId.values()];
}

export class YoutubeSearch {
  constructor(private readonly o: YoutubeSearchOptions) {}

  async run(kind: SearchKind, q: string, limit: number, signal?: AbortSignal, batch = false): Promise<SearchHit[]> {
    // A spent budget must not pay for starting yt-dlp only to kill it (hundreds of ms for Python's start-up).
    if (signal?.aborted) return [];
    if (batch && this.o.batcher) {
      const args = searchArgs(kind, q, Math.max(limit, BATCH_LIMIT));
      const at = args.indexOf('--');
      const url = args[at + 1] ?? '';
      // yt-dlp names each document by the URL it answers (original_url; webpage_url for a search).
      const doc = await this.o.batcher.run(args.slice(0, at), url, (d) => d.original_url === url || d.webpage_url === url, signal);
      return doc ? parseSearchOutput(JSON.stringify(doc), kind).slice(0, limit) : [];
    }
    const started = Date.now();
    try {
      const sub = execa(this.o.ytdlp, searchArgs(kind, q, limit), {
        timeout: this.o.timeoutMs ?? 15_000,
        cancelSignal: signal,
        forceKillAfterDelay: 2000,
        stdin: 'ignore',
        maxBuffer: 20_000_000,
        reject: true,
      });
      // execa kills the child on abort but settles only once it has exited (250 ms past the budget on a loaded machine).
      const r = await untilAborted(sub, signal);
      const hits = parseSearchOutput(r.stdout, kind);
      this.o.log?.({ level: 'debug', event: 'ytsearch', search: kind, results: hits.length, ms: Date.now() - started });
      return hits;
    } catch (e) {
      const err = e as { timedOut?: boolean; isCanceled?: boolean; exitCode?: number; shortMessage?: string };
      this.o.log?.({
        level: err.isCanceled ? 'debug' : 'warn',
        event: 'ytsearch.failed',
        search: kind,
        timedOut: err.timedOut ?? false,
        exitCode: err.exitCode ?? null,
        error: (err.shortMessage ?? String(e)).slice(0, 300),
        ms: Date.now() - started,
      });
      return [];
    }
  }

  /** One YouTube Music search: InnerTube, or yt-dlp when InnerTube fails (then flagged for corroboration). */
  private async music(kind: 'songs' | 'isrc', q: string, limit: number, signal?: AbortSignal, batch = false): Promise<{ hits: SearchHit[]; bare: boolean }> {
    const yt = this.o.ytmusic;
    if (yt) {
      try {
        return { hits: await yt.search(kind, q, limit, signal), bare: false };
      } catch (e) {
        if (signal?.aborted) return { hits: [], bare: false };
        this.o.log?.({ level: 'info', event: 'ytmusic.fallback', search: kind, reason: (e as { reason?: string }).reason ?? 'error' });
      }
    }
    return { hits: await this.run(kind, q, limit, signal, batch), bare: true };
  }

  /** All three searches at once; the ISRC one only when there is an ISRC. */
  async search(plan: SearchPlan, signal?: AbortSignal): Promise<SearchHit[]> {
    const limit = plan.limit ?? 20;
    const batch = plan.batch === true;
    const jobs = [this.music('songs', plan.query, limit, signal, batch), this.run('videos', plan.query, limit, signal, batch).then((hits) => ({ hits, bare: false }))];
    if (plan.isrc) jobs.unshift(this.music('isrc', plan.isrc, 10, signal, batch));
    const lists = await Promise.all(jobs);
    const hits = mergeHits(lists.map((l) => l.hits));
    return lists.some((l) => l.bare) ? this.corroborate(hits, plan, signal) : hits;
  }

  /** Looks up the few best hits that have nothing but a title, at once, within the signal. */
  private async corroborate(hits: SearchHit[], plan: SearchPlan, signal?: AbortSignal): Promise<SearchHit[]> {
    const bare = hits.filter(isBare);
    if (!bare.length || !this.o.enricher) return hits;
    // Ranked on what a bare hit can show: its title against the track's (artists and length unknown yet).
    const order = plan.track
      ? pickMatch({ title: plan.track.title, album: plan.track.album, artists: [], durationSec: null }, bare)
          .ranked.filter((s) => s.breakdown.title >= 0.5)
          .map((s) => s.hit)
      : [...bare].sort((a, b) => (a.isrcRank ?? 99) - (b.isrcRank ?? 99) || a.rank - b.rank);
    return this.o.enricher.some(hits, order.slice(0, ENRICH_TOP).map((h) => h.id), signal, plan.batch === true);
  }
}
