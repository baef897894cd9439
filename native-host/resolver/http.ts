/**
 * Provider HTTP: per-attempt timeout, retries with backoff + jitter on 429/5xx (Retry-After
 * honoured), a rate limiter and concurrency cap, a circuit breaker, and zod on every body.
 * Every failure comes back as a ProviderError value; nothing throws past this module.
 */
import type { z } from 'zod';
import { redact } from '../../shared/redact.js';
import { CircuitBreaker, type BreakerOptions } from './circuit-breaker.js';
import { ProviderError, fail, ok, type Result } from './provider-error.js';
import { Limiter, sleep, type LimitOptions } from './rate-limit.js';
import type { ResolverLog } from './types.js';

export interface HttpProviderOptions {
  name: string;
  limit: LimitOptions;
  breaker?: BreakerOptions;
  /** Per attempt, default 4000 ms. */
  timeoutMs?: number;
  /** Extra attempts on 429/5xx, default 2. */
  retries?: number;
  /** First backoff step, default 250 ms (doubles, plus up to 50 % jitter). */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for, default 5000 ms. */
  maxRetryAfterMs?: number;
  /** Statuses meaning "slow down" (iTunes answers 403 when throttled), default [429]. */
  throttleStatuses?: number[];
  log?: ResolverLog;
  fetch?: typeof fetch;
  random?: () => number;
}

export interface GetOptions {
  signal?: AbortSignal;
  /** A 200 body that is really an error (Deezer): return 'throttled' to retry, a message to fail, null if fine. */
  bodyError?: (body: unknown) => { kind: 'throttled' | 'api_error' | 'not_found'; message: string } | null;
}

/** Path and query only, secrets masked, so URLs can be logged. */
function loggable(url: string): string {
  try {
    const u = new URL(url);
    return redact(`${u.pathname}${u.search}`);
  } catch {
    return '(bad url)';
  }
}

function retryAfterMs(h: string | null, now: number): number | null {
  if (!h) return null;
  const s = Number(h);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const d = Date.parse(h);
  return Number.isFinite(d) ? Math.max(0, d - now) : null;
}

export class HttpProvider {
  readonly breaker: CircuitBreaker;
  private readonly limiter: Limiter;

  constructor(private readonly o: HttpProviderOptions) {
    this.breaker = new CircuitBreaker(o.breaker);
    this.limiter = new Limiter(o.limit);
  }

  async getJson<S extends z.ZodTypeAny>(url: string, schema: S, opts: GetOptions = {}): Promise<Result<z.infer<S>>> {
    const name = this.o.name;
    const started = Date.now();
    const attempts = (this.o.retries ?? 2) + 1;
    let last: ProviderError = new ProviderError(name, 'network', 'no attempt made');
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (opts.signal?.aborted) return fail(new ProviderError(name, 'aborted', 'cancelled'));
      if (!this.breaker.allow()) return fail(new ProviderError(name, 'circuit_open', 'provider marked down; skipping until cool-down ends'));
      const res = await this.attempt(url, schema, opts);
      this.o.log?.({
        level: res.ok ? 'debug' : 'warn',
        event: 'provider.http',
        provider: name,
        path: loggable(url),
        attempt,
        ms: Date.now() - started,
        ...(res.ok ? {} : { reason: res.error.reason, status: res.error.status }),
      });
      if (res.ok) {
        this.breaker.success();
        return ok(res.value);
      }
      last = res.error;
      const retryable = last.reason === 'throttled' || (last.reason === 'http' && (last.status ?? 0) >= 500);
      if (!retryable) break;
      if (attempt === attempts) break;
      const backoff = (this.o.backoffMs ?? 250) * 2 ** (attempt - 1) * (1 + 0.5 * (this.o.random ?? Math.random)());
      const hinted = res.retryAfter;
      if (hinted != null && hinted > (this.o.maxRetryAfterMs ?? 5000)) break;
      try {
        await sleep(hinted ?? backoff, opts.signal);
      } catch {
        return fail(new ProviderError(name, 'aborted', 'cancelled'));
      }
    }
    // Only "the service is down" opens the circuit; a 404 or a bad body says nothing about health.
    if (last.reason === 'timeout' || last.reason === 'network' || (last.reason === 'http' && (last.status ?? 0) >= 500)) this.breaker.down();
    else if (last.reason === 'aborted') this.breaker.neutral();
    else this.breaker.success();
    return fail(last);
  }

  private async attempt<S extends z.ZodTypeAny>(
    url: string,
    schema: S,
    opts: GetOptions,
  ): Promise<{ ok: true; value: z.infer<S> } | { ok: false; error: ProviderError; retryAfter?: number | null }> {
    const name = this.o.name;
    let release: (() => void) | null = null;
    try {
      release = await this.limiter.acquire(opts.signal);
    } catch {
      return { ok: false, error: new ProviderError(name, 'aborted', 'cancelled while waiting for a rate-limit slot') };
    }
    const timeout = AbortSignal.timeout(this.o.timeoutMs ?? 4000);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      const res = await (this.o.fetch ?? fetch)(url, { signal, headers: { accept: 'application/json' } });
      const text = await res.text();
      if ((this.o.throttleStatuses ?? [429]).includes(res.status)) {
        return { ok: false, error: new ProviderError(name, 'throttled', `HTTP ${res.status}`, res.status), retryAfter: retryAfterMs(res.headers.get('retry-after'), Date.now()) };
      }
      if (res.status === 404) return { ok: false, error: new ProviderError(name, 'not_found', 'HTTP 404', 404) };
      if (!res.ok) return { ok: false, error: new ProviderError(name, 'http', `HTTP ${res.status}`, res.status), retryAfter: retryAfterMs(res.headers.get('retry-after'), Date.now()) };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (e) {
        const kind = /^\s*</.test(text) ? 'an HTML page' : 'truncated or invalid JSON';
        return { ok: false, error: new ProviderError(name, 'bad_body', `answered with ${kind}`, res.status, { cause: e }) };
      }
      const bodyErr = opts.bodyError?.(body);
      if (bodyErr) return { ok: false, error: new ProviderError(name, bodyErr.kind, bodyErr.message, res.status) };
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, error: new ProviderError(name, 'bad_body', `unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`, res.status) };
      }
      return { ok: true, value: parsed.data };
    } catch (e) {
      if (opts.signal?.aborted) return { ok: false, error: new ProviderError(name, 'aborted', 'cancelled', undefined, { cause: e }) };
      if (timeout.aborted) return { ok: false, error: new ProviderError(name, 'timeout', `no answer within ${this.o.timeoutMs ?? 4000} ms`, undefined, { cause: e }) };
      return { ok: false, error: new ProviderError(name, 'network', e instanceof Error ? e.message : String(e), undefined, { cause: e }) };
    } finally {
      release?.();
    }
  }
}
