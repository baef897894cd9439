/**
 * Per-provider request pacing: a sliding-window rate limit plus a concurrency cap, with an
 * abortable wait. Kept over p-limit, which caps concurrency only (no requests-per-window, no
 * AbortSignal), so the published limits (Deezer ~50 per 5 s) would still need this code beside it.
 */

export interface LimitOptions {
  /** Requests allowed per window (Deezer ~50 per 5 s, iTunes ~20 per 60 s, Odesli 10 per 60 s). */
  max: number;
  windowMs: number;
  /** Requests in flight at once. */
  concurrency: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class Limiter {
  private starts: number[] = [];
  private active = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly opts: LimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for a slot (rejects when the signal aborts); returns the release function. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    while (this.active >= this.opts.concurrency) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          this.waiters = this.waiters.filter((w) => w !== wake);
          reject(signal?.reason);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal?.aborted) return reject(signal.reason);
        this.waiters.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    this.active++;
    try {
      for (;;) {
        const t = this.now();
        this.starts = this.starts.filter((s) => t - s < this.opts.windowMs);
        if (this.starts.length < this.opts.max) break;
        await sleep(this.opts.windowMs - (t - (this.starts[0] ?? t)) + 1, signal);
      }
    } catch (e) {
      this.release();
      throw e;
    }
    this.starts.push(this.now());
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.release();
      }
    };
  }

  private release(): void {
    this.active--;
    this.waiters.shift()?.();
  }
}
