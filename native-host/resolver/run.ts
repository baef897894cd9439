/** One resolve in progress: what each provider said, timings, failures, and the partial updates sent to the caller. */
import type { ResolveLevel } from '../../shared/protocol/track.js';
import { mergeTracks, sameRecording } from './merge.js';
import { ProviderError, type Result } from './provider-error.js';
import type { ProviderName, ProviderTrack, ResolverLog } from './types.js';
import type { ResolveOptions } from './resolve.js';

export class Run {
  readonly timings: Record<string, number> = {};
  /** Providers that failed (not "don't know it"): an empty result then means "could not ask", not "nobody knows". */
  readonly failures: { provider: string; reason: string }[] = [];
  readonly parts = new Map<ProviderName, ProviderTrack>();
  private emitted = false;
  readonly started = Date.now();

  constructor(
    private readonly log: ResolverLog,
    readonly opts: ResolveOptions,
  ) {}

  /** Times a call, logs it as one structured line, and never lets it throw. */
  async timed<T>(name: string, fn: () => Promise<Result<T>>): Promise<T | null> {
    const t0 = Date.now();
    let r: Result<T>;
    try {
      r = await fn();
    } catch (e) {
      r = { ok: false, error: new ProviderError(name, 'network', e instanceof Error ? e.message : String(e), undefined, { cause: e }) };
    }
    const ms = Date.now() - t0;
    this.timings[name] = (this.timings[name] ?? 0) + ms;
    if (!r.ok && r.error.reason !== 'not_found') this.failures.push({ provider: name, reason: r.error.reason });
    if (r.ok) this.log({ level: 'info', event: 'provider.ok', provider: name, ms });
    else this.log({ level: r.error.reason === 'not_found' ? 'info' : 'warn', event: 'provider.failed', provider: name, reason: r.error.reason, error: r.error.message, ms });
    return r.ok ? r.value : null;
  }

  add(part: ProviderTrack, level: ResolveLevel): void {
    const deezer = this.parts.get('deezer');
    // A search on another provider may have found a different song than Deezer's ISRC: keep it out.
    if (part.provider !== 'deezer' && deezer && !sameRecording(deezer, part)) {
      this.log({ level: 'warn', event: 'provider.disagrees', provider: part.provider, with: 'deezer', title: part.title });
      return;
    }
    this.parts.set(part.provider, part);
    const { track } = mergeTracks([...this.parts.values()]);
    this.log({ level: 'debug', event: this.emitted ? 'resolve.refine' : 'resolve.hydrate', provider: part.provider, ms: Date.now() - this.started });
    this.emitted = true;
    this.opts.emit?.({ provider: part.provider, level, track });
  }
}
