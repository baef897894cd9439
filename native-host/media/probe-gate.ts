/**
 * Every probe passes this gate: at most `concurrency` yt-dlp probes run at once (p-limit), at most
 * `maxWaiting` wait, and callers asking for the same URL while it is in flight share one run. A shared run
 * is aborted only when every caller has gone, so one closed popup never cancels another's probe.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { NexError } from '../../shared/errors.js';
import { LIMITS } from '../limits.js';

/** yt-dlp probes running at once; each is a Python process of ~40 MB plus its ffprobes. */
export const PROBE_CONCURRENCY: number = LIMITS.probeConcurrency;
/** Probes waiting beyond that; more fail at once with job.queue_full rather than piling up. */
export const PROBE_MAX_WAITING: number = LIMITS.probeMaxWaiting;

interface Flight<T> {
  promise: Promise<T>;
  abort: AbortController;
  callers: number;
}

export interface GateStats {
  running: number;
  waiting: number;
  shared: number;
}

export class ProbeGate<T> {
  private readonly limit: LimitFunction;
  private readonly flights = new Map<string, Flight<T>>();
  /** Callers served by someone else's run since start (for doctor and tests). */
  sharedHits = 0;

  constructor(
    concurrency = PROBE_CONCURRENCY,
    private readonly maxWaiting = PROBE_MAX_WAITING,
  ) {
    this.limit = pLimit(concurrency);
  }

  stats(): GateStats {
    return { running: this.limit.activeCount, waiting: this.limit.pendingCount, shared: this.sharedHits };
  }

  /** Runs `fn(signal)` for `key`, or joins the run already in flight for it. */
  run(key: string, signal: AbortSignal | undefined, fn: (signal: AbortSignal) => Promise<T>, cancelled: () => Error): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelled());
    let flight = this.flights.get(key);
    if (flight) this.sharedHits++;
    else {
      if (this.limit.pendingCount >= this.maxWaiting) {
        return Promise.reject(new NexError('job.queue_full', `${this.maxWaiting} probes are already waiting; try again shortly.`, { waiting: this.limit.pendingCount }));
      }
      const abort = new AbortController();
      const promise = this.limit(() => (abort.signal.aborted ? Promise.reject(cancelled()) : fn(abort.signal)));
      flight = { promise, abort, callers: 0 };
      const mine = flight;
      this.flights.set(key, mine);
      void promise.then(
        () => this.flights.get(key) === mine && this.flights.delete(key),
        () => this.flights.get(key) === mine && this.flights.delete(key),
      );
    }
    const f = flight;
    f.callers++;
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        signal?.removeEventListener('abort', onAbort);
        if (--f.callers > 0) return;
        // Nobody wants it any more: stop it, and let the next caller start afresh.
        if (this.flights.get(key) === f) this.flights.delete(key);
        f.abort.abort();
      };
      const onAbort = () => {
        leave();
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      f.promise.then(
        (v) => (leave(), resolve(v)),
        (e: unknown) => (leave(), reject(e)),
      );
    });
  }
}
