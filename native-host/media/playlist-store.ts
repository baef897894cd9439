/**
 * Listings in progress or recently finished, by URL: the probe answers with the first page while
 * yt-dlp keeps listing, and page requests read further rows from the same run (no second listing).
 */
import { LRUCache } from 'lru-cache';
import type { PlaylistEntry, PlaylistInfo } from '../../shared/protocol/index.js';
import { LIMITS } from '../limits.js';
import { listPlaylist } from './playlist.js';
import type { LogFn, Tools } from './types.js';
import pLimit from 'p-limit';

class Listing {
  title = '';
  count: number | null = null;
  readonly entries: PlaylistEntry[] = [];
  complete = false;
  playlist: boolean | null = null;
  error: unknown = null;
  readonly abort = new AbortController();
  private waiters = new Set<() => void>();

  wake(): void {
    for (const w of this.waiters) w();
  }

  /** Resolves once `n` entries are listed or the listing has ended. */
  async until(n: number, signal?: AbortSignal): Promise<void> {
    while (!this.complete && this.entries.length < n && !signal?.aborted) {
      await new Promise<void>((resolve) => {
        const w = (): void => {
          this.waiters.delete(w);
          signal?.removeEventListener('abort', w);
          resolve();
        };
        this.waiters.add(w);
        signal?.addEventListener('abort', w, { once: true });
      });
    }
  }

  page(offset: number, limit: number): PlaylistInfo {
    const entries = this.entries.slice(offset, offset + limit);
    return { title: this.title, count: this.complete ? this.entries.length : this.count, entries, offset, complete: this.complete };
  }
}

export class PlaylistStore {
  private readonly lru = new LRUCache<string, Listing>({
    max: LIMITS.playlistSessions,
    ttl: 10 * 60_000,
    dispose: (l) => l.abort.abort(),
  });

  /** Listings running at once: each is a yt-dlp; a probe flood must not turn into a listing flood. */
  private readonly gate = pLimit(LIMITS.playlistConcurrency);

  private start(url: string, tools: Tools, log?: LogFn): Listing {
    const l = new Listing();
    this.lru.set(url, l);
    void this.gate(() => (l.abort.signal.aborted ? Promise.resolve(false) : listPlaylist(url, tools, {
      signal: l.abort.signal,
      ...(log && { log }),
      onHeader: (h) => {
        l.title = h.title;
        l.count = h.count;
        l.playlist = true;
      },
      onEntry: (e) => {
        l.entries.push(e);
        if (l.entries.length % 25 === 0) l.wake();
      },
    })))
      .then((isPlaylist) => {
        l.playlist = isPlaylist;
      })
      .catch((e: unknown) => {
        l.error = e;
        // A failed listing is not remembered: the next probe tries again.
        if (this.lru.peek(url) === l) this.lru.delete(url);
      })
      .finally(() => {
        l.complete = true;
        l.wake();
      });
    return l;
  }

  /**
   * Entries [offset, offset+limit) of the listing of `url`, starting it if needed; null when `url`
   * is no playlist. Rejects with yt-dlp's error when the listing failed before any entry.
   */
  async page(url: string, tools: Tools, opts: { offset?: number; limit?: number; signal?: AbortSignal; log?: LogFn; fresh?: boolean } = {}): Promise<PlaylistInfo | null> {
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? LIMITS.playlistPageSize;
    let l = opts.fresh ? undefined : this.lru.get(url);
    if (!l || (l.complete && l.error)) l = this.start(url, tools, opts.log);
    await l.until(offset + limit, opts.signal);
    if (l.error && !l.entries.length) throw l.error;
    if (l.playlist === false || (l.complete && !l.entries.length)) return null;
    if (l.playlist === null && !l.entries.length) return null;
    return l.page(offset, limit);
  }

  /** Every entry (waits for the listing to end); null when `url` is no playlist. */
  async all(url: string, tools: Tools, opts: { signal?: AbortSignal; log?: LogFn; fresh?: boolean } = {}): Promise<PlaylistInfo | null> {
    return this.page(url, tools, { ...opts, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  }

  clear(): void {
    this.lru.clear();
  }
}

export const playlistStore = new PlaylistStore();
