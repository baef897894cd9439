/**
 * Playlists: `yt-dlp -j --flat-playlist` streams one JSON line per entry, so the first page is ready
 * while yt-dlp is still listing a 5,000-entry channel, and only small rows are kept (never the raw lines).
 */
import { z } from 'zod';
import { NexError } from '../../shared/errors.js';
import type { PlaylistEntry } from '../../shared/protocol/index.js';
import { LIMITS } from '../limits.js';
import { lineSplitter } from './lines.js';
import { supervise } from './supervise.js';
import type { LogFn, Tools } from './types.js';
import { ytdlpBaseArgs, ytdlpError } from './ytdlp-args.js';

const num = z.number().finite().nullish().catch(null);
const str = z.string().nullish().catch(null);
/** The fields of a flat-playlist line we read; extractors omit most of them. */
const FlatLine = z
  .object({
    id: z.coerce.string().nullish().catch(null),
    title: str,
    url: str,
    webpage_url: str,
    duration: num,
    thumbnail: str,
    thumbnails: z.array(z.object({ url: z.string() }).passthrough()).nullish().catch(null),
    ie_key: str,
    extractor_key: str,
    playlist_index: num,
    playlist_count: num,
    n_entries: num,
    playlist_title: str,
    playlist: str,
  })
  .passthrough();

/** `-j --flat-playlist`, playlist on, capped. The URL after `--`. */
export function ytdlpListArgs(url: string, tools: Pick<Tools, 'ytdlpSupportsJsRuntimes'>, maxEntries: number = LIMITS.playlistMaxEntries): string[] {
  return ['-j', '--flat-playlist', ...ytdlpBaseArgs(tools), '--yes-playlist', '--playlist-end', String(maxEntries), '--', url];
}

const httpUrl = (s: string | null | undefined, base: string): string | null => {
  if (!s) return null;
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
};

export interface ListedHeader {
  title: string;
  count: number | null;
}

/** One line -> an entry (null when it is no playlist entry: a single video prints its info without playlist fields). */
export function toEntry(raw: unknown, fallbackIndex: number, playlistUrl: string): { entry: PlaylistEntry; header: ListedHeader } | null {
  const r = FlatLine.safeParse(raw);
  if (!r.success || r.data.playlist_index == null) return null;
  const l = r.data;
  const url = httpUrl(l.url, playlistUrl) ?? httpUrl(l.webpage_url, playlistUrl);
  if (!url) return null;
  const index = l.playlist_index && l.playlist_index > 0 ? Math.floor(l.playlist_index) : fallbackIndex;
  const extractor = l.ie_key ?? l.extractor_key;
  const thumb = l.thumbnail ?? l.thumbnails?.at(-1)?.url ?? null;
  const entry: PlaylistEntry = {
    index,
    id: l.id ?? null,
    title: (l.title ?? '').trim() || `Item ${index}`,
    durationSec: l.duration != null && l.duration >= 0 ? l.duration : null,
    url,
    ...(thumb && httpUrl(thumb, playlistUrl) && { thumbnail: httpUrl(thumb, playlistUrl) as string }),
    ...(extractor && l.id && { archiveKey: `${extractor.toLowerCase()} ${l.id}`.slice(0, 200) }),
  };
  const count = l.playlist_count ?? l.n_entries ?? null;
  return { entry, header: { title: l.playlist_title ?? l.playlist ?? '', count: count != null ? Math.floor(count) : null } };
}

export interface ListHandlers {
  signal?: AbortSignal;
  log?: LogFn;
  /** First entry's playlist fields. */
  onHeader(h: ListedHeader): void;
  onEntry(e: PlaylistEntry): void;
}

/** Runs the listing to its end. Resolves false when the URL is a single video, not a playlist. */
export async function listPlaylist(url: string, tools: Tools, h: ListHandlers): Promise<boolean> {
  const limit = AbortSignal.timeout(LIMITS.playlistListMs);
  const signal = h.signal ? AbortSignal.any([h.signal, limit]) : limit;
  let n = 0;
  let isPlaylist: boolean | null = null;
  let p: ReturnType<typeof supervise> | null = null;
  const lines = lineSplitter((text) => {
    if (isPlaylist === false) return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const got = toEntry(raw, n + 1, url);
    if (!got) {
      if (n === 0) {
        isPlaylist = false;
        p?.kill();
      }
      return;
    }
    if (n === 0) h.onHeader(got.header);
    isPlaylist = true;
    n++;
    h.onEntry(got.entry);
  });
  p = supervise(tools.ytdlp, ytdlpListArgs(url, tools), { source: 'yt-dlp', signal, onStdout: (c) => lines.push(c), ...(h.log && { log: quietJsonLines(h.log) }) });
  const exit = await p.exited;
  lines.end();
  if (h.signal?.aborted) throw new NexError('job.cancelled', 'Cancelled.');
  if (isPlaylist === false) return false;
  if (limit.aborted) throw new NexError('media.timeout', `yt-dlp did not finish listing within ${LIMITS.playlistListMs / 1000} s.`, { url, tool: 'yt-dlp' });
  // A listing that failed after some entries keeps them: the page shows what yt-dlp could list.
  if (exit.exitCode !== 0 && n === 0) throw ytdlpError(exit, p.stderrTail.text(), url);
  return n > 0;
}

/** The -j lines are the data, not news: keep them out of the log (5,000 of them would flood the panel). */
export function quietJsonLines(log: LogFn): LogFn {
  return (l) => {
    if (l.source === 'yt-dlp' && l.text.startsWith('{')) return;
    log(l);
  };
}
