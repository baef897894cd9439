/**
 * Probes several playlist entries with ONE `yt-dlp -J --playlist-items` run and puts each into the probe
 * cache under the entry's listed URL, so a batch's item jobs skip their own yt-dlp start (one Python
 * process per item is most of a short item's cost). Best effort: an entry it cannot resolve is
 * simply not cached, and its job probes it alone (and fails alone) as before.
 */
import { LIMITS } from '../limits.js';
import { enrichInfo } from './enrich.js';
import { probeCache } from './probe-cache.js';
import { toProbeResult } from './probe-map.js';
import { supervise } from './supervise.js';
import type { LogFn, Tools } from './types.js';
import { ytdlpBaseArgs } from './ytdlp-args.js';
import { InfoDict, rawFormats } from './ytdlp-info.js';

/** `-J` of just these entries; `-i` so a dead entry does not cost the others. */
export function ytdlpEntriesArgs(url: string, indices: number[], tools: Pick<Tools, 'ytdlpSupportsJsRuntimes'>): string[] {
  return ['-J', ...ytdlpBaseArgs(tools), '--yes-playlist', '-i', '--playlist-items', indices.join(','), '--', url];
}

/** Returns how many entries were cached. `urls`: playlist index -> the URL the item job will probe. */
export async function probeEntries(playlistUrl: string, urls: Map<number, string>, tools: Tools, opts: { signal?: AbortSignal; log?: LogFn } = {}): Promise<number> {
  if (!urls.size) return 0;
  let stdout = '';
  const limit = AbortSignal.timeout(LIMITS.probeMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, limit]) : limit;
  const p = supervise(tools.ytdlp, ytdlpEntriesArgs(playlistUrl, [...urls.keys()], tools), { source: 'yt-dlp', signal, onStdout: (c) => (stdout += c), ...(opts.log && { log: opts.log }) });
  await p.exited;
  if (signal.aborted) return 0;
  let top: InfoDict;
  try {
    top = InfoDict.parse(JSON.parse(stdout));
  } catch {
    return 0;
  }
  let n = 0;
  for (const raw of top.entries ?? []) {
    const parsed = InfoDict.safeParse(raw);
    if (!parsed.success) continue;
    const index = Number((raw as { playlist_index?: unknown }).playlist_index);
    const url = urls.get(index);
    if (!url) continue;
    const { info, formats } = await enrichInfo(parsed.data, rawFormats(parsed.data), tools, opts);
    if (!formats.length) continue;
    probeCache.set(url, { result: toProbeResult(url, info, formats), info: info as Record<string, unknown>, probedAt: Date.now() });
    n++;
  }
  return n;
}
