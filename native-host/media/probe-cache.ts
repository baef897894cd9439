/** Recent probes by URL, so reopening the popup is instant. Small and time-limited: format URLs expire upstream. */
import { LRUCache } from 'lru-cache';
import type { ProbeDetail } from './types.js';

export class ProbeCache {
  private readonly lru: LRUCache<string, ProbeDetail>;

  /**
   * @param ttlMs how long a probe stays fresh; default 120 s. 0 disables caching. Read at every get,
   *   so a config change (probeCacheSec) applies to probes already cached too.
   * @param maxEntries least recently used entries go first beyond this; default 64.
   */
  constructor(
    public ttlMs = 120_000,
    maxEntries = 64,
    private readonly now: () => number = Date.now,
  ) {
    this.lru = new LRUCache({ max: maxEntries });
  }

  get(url: string): ProbeDetail | undefined {
    const hit = this.lru.get(url);
    if (!hit) return undefined;
    // Freshness is the probe's own age, not the cache's clock: probedAt is what the format URLs date from.
    if (this.now() - hit.probedAt >= this.ttlMs) {
      this.lru.delete(url);
      return undefined;
    }
    return hit;
  }

  set(url: string, detail: ProbeDetail): void {
    if (this.ttlMs <= 0) return;
    this.lru.set(url, detail);
  }

  clear(): void {
    this.lru.clear();
  }
}

/** The host's shared cache; the config's probeCacheSec sets its ttlMs. */
export const probeCache = new ProbeCache();
