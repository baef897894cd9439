/**
 * Keeps the probes of a playlist batch one chunk ahead of its downloads: each chunk of entries is
 * resolved by one yt-dlp run (media/probe-entries.ts) instead of one per item, and only when the
 * batch gets near it, so cached probes do not expire before their item starts. The run streams: an
 * item waits only for its own entry (ready()), not for its whole chunk, so the first download starts
 * as soon as yt-dlp has resolved the first entry and the rest are probed while it runs.
 */
import type { BatchItem } from '../../shared/protocol/index.js';

export type ProbeChunk = (playlistUrl: string, urls: Map<number, string>, signal: AbortSignal, onEntry: (index: number) => void) => Promise<unknown>;

export const PREFETCH_CHUNK = 10;

export function batchPrefetch(run: ProbeChunk, playlistUrl: string, items: BatchItem[], signal: AbortSignal, chunk = PREFETCH_CHUNK) {
  let next = 0;
  let pos = 0;
  let busy: Promise<void> | null = null;
  /** Entries of a chunk in flight: settled when yt-dlp gave the entry, or when its run ended without it. */
  const waiting = new Map<number, { done: Promise<void>; settle: () => void }>();
  const fetchChunk = (): Promise<void> => {
    const part = items.slice(next, next + chunk);
    next += part.length;
    for (const i of part) {
      let settle = (): void => {};
      const done = new Promise<void>((r) => (settle = r));
      waiting.set(i.index, { done, settle });
    }
    const settleAll = (): void => {
      for (const i of part) waiting.get(i.index)?.settle();
      busy = null;
    };
    busy = run(playlistUrl, new Map(part.map((i) => [i.index, i.url])), signal, (index) => waiting.get(index)?.settle()).then(settleAll, settleAll);
    return busy;
  };
  return {
    /** Starts the first chunk; resolves when it has ended (or failed: the items then probe themselves). */
    first: (): Promise<void> => (items.length ? fetchChunk() : Promise.resolve()),
    /** Resolves once the entry at `index` is cached or its chunk's run is over; at once for an entry no chunk covers yet. */
    ready: (index: number): Promise<void> => waiting.get(index)?.done ?? Promise.resolve(),
    /** The next item (in list order) is starting: fetch the next chunk when the current one is half used. */
    launched(): void {
      pos++;
      if (!busy && !signal.aborted && next < items.length && pos >= next - chunk / 2) void fetchChunk();
    },
  };
}
