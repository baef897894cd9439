/**
 * Keeps the probes of a playlist batch one chunk ahead of its downloads: each chunk of entries is
 * resolved by one yt-dlp run (media/probe-entries.ts) instead of one per item, and only when the
 * batch gets near it, so cached probes do not expire before their item starts.
 */
import type { BatchItem } from '../../shared/protocol/index.js';

export type ProbeChunk = (playlistUrl: string, urls: Map<number, string>, signal: AbortSignal) => Promise<unknown>;

export const PREFETCH_CHUNK = 10;

export function batchPrefetch(run: ProbeChunk, playlistUrl: string, items: BatchItem[], signal: AbortSignal, chunk = PREFETCH_CHUNK) {
  let next = 0;
  let pos = 0;
  let busy: Promise<void> | null = null;
  const fetchChunk = (): Promise<void> => {
    const part = items.slice(next, next + chunk);
    next += part.length;
    busy = run(playlistUrl, new Map(part.map((i) => [i.index, i.url])), signal).then(
      () => void (busy = null),
      () => void (busy = null),
    );
    return busy;
  };
  return {
    /** Resolves when the first chunk is cached (or failed: the items then probe themselves). */
    first: (): Promise<void> => (items.length ? fetchChunk() : Promise.resolve()),
    /** The next item (in list order) is starting: fetch the next chunk when the current one is half used. */
    launched(): void {
      pos++;
      if (!busy && !signal.aborted && next < items.length && pos >= next - chunk / 2) void fetchChunk();
    },
  };
}
