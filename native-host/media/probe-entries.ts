/**
 * Probes several playlist entries with ONE `yt-dlp -j --playlist-items` run and puts each into the probe
 * cache under the entry's listed URL, so a batch's item jobs skip their own yt-dlp start (one Python
 * process per item is most of a short item's cost). `-j` prints each entry's info as soon as yt-dlp has
 * resolved it, so the first item can start while the rest of the chunk is still being resolved. Best
 * effort: an entry it cannot resolve is simply not cached, and its job probes it alone (and fails alone).
 */
import { setMaxListeners } from 'node:events';
import { LIMITS } from '../limits.js';
import { enrichInfo } from './enrich.js';
import { lineSplitter } from './lines.js';
import { quietJsonLines } from './playlist.js';
import { probeCache } from './probe-cache.js';
import { toProbeResult } from './probe-map.js';
import { supervise } from './supervise.js';
import type { LogFn, Tools } from './types.js';
import { ytdlpBaseArgs } from './ytdlp-args.js';
import { InfoDict, rawFormats } from './ytdlp-info.js';

/** `-j` of just these entries, one JSON line each; `-i` so a dead entry does not cost the others. */
export function ytdlpEntriesArgs(url: string, indices: number[], tools: Pick<Tools, 'ytdlpSupportsJsRuntimes'>): string[] {
  return ['-j', ...ytdlpBaseArgs(tools), '--yes-playlist', '-i', '--playlist-items', indices.join(','), '--', url];
}

export interface ProbeEntriesOptions {
  signal?: AbortSignal;
  log?: LogFn;
  /** An entry is in the probe cache (its item may start now). */
  onEntry?: (index: number) => void;
}

/** Returns how many entries were cached. `urls`: playlist index -> the URL the item job will probe. */
export async function probeEntries(playlistUrl: string, urls: Map<number, string>, tools: Tools, opts: ProbeEntriesOptions = {}): Promise<number> {
  if (!urls.size) return 0;
  const limit = AbortSignal.timeout(LIMITS.probeMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, limit]) : limit;
  // yt-dlp plus one enrichment (an ffprobe) per entry listen on it at once: by design, not a leak warning.
  setMaxListeners(urls.size + 2, signal);
  let n = 0;
  const pending: Promise<void>[] = [];
  const cacheOne = async (raw: unknown): Promise<void> => {
    const parsed = InfoDict.safeParse(raw);
    if (!parsed.success) return;
    const index = Number((raw as { playlist_index?: unknown }).playlist_index);
    const url = urls.get(index);
    if (!url) return;
    const { info, formats } = await enrichInfo(parsed.data, rawFormats(parsed.data), tools, { signal, ...(opts.log && { log: opts.log }) });
    if (!formats.length || signal.aborted) return;
    probeCache.set(url, { result: toProbeResult(url, info, formats), info: info as Record<string, unknown>, probedAt: Date.now() });
    n++;
    opts.onEntry?.(index);
  };
  const lines = lineSplitter((text) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    pending.push(cacheOne(raw).catch(() => undefined));
  });
  const p = supervise(tools.ytdlp, ytdlpEntriesArgs(playlistUrl, [...urls.keys()], tools), { source: 'yt-dlp', signal, onStdout: (c) => lines.push(c), ...(opts.log && { log: quietJsonLines(opts.log) }) });
  await p.exited;
  lines.end();
  await Promise.all(pending);
  return signal.aborted ? 0 : n;
}
