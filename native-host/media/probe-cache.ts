/** Recent probes by URL, so reopening the popup is instant. Small and time-limited: format URLs expire upstream. */
import type { ProbeDetail } from './types.js';

export class ProbeCache {
  private readonly map = new Map<string, ProbeDetail>();

  /**
   * @param ttlMs how long a probe stays fresh; default 120 s. 0 disables caching.
   * @param maxEntries oldest entries go first beyond this; default 64.
   */
  constructor(
    public ttlMs = 120_000,
    private readonly maxEntries = 64,
    private readonly now: () => number = Date.now,
  ) {}

  get(url: string): ProbeDetail | undefined {
    const hit = this.map.get(url);
    if (!hit) return undefined;
    if (this.now() - hit.probedAt >= this.ttlMs) {
      this.map.delete(url);
      return undefined;
    }
    return hit;
  }

  set(url: string, detail: ProbeDetail): void {
    if (this.ttlMs <= 0) return;
    this.map.delete(url);
    this.map.set(url, detail);
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string);
  }

  clear(): void {
    this.map.clear();
  }
}

/** The host's shared cache; the config's probeCacheSec sets its ttlMs. */
export const probeCache = new ProbeCache();
