/**
 * Provider HTTP: per-attempt timeout, retries with backoff + jitter on 429/5xx (Retry-After
 * honoured) and a circuit breaker, both cockatiel policies; a rate limiter and concurrency cap;
 * zod on every body. Every failure comes back as a ProviderError value; nothing throws past here.
 */
import { BrokenCircuitError, ConsecutiveBreaker, circuitBreaker, handleWhenResult, retry, type CircuitBreakerPolicy, type IBackoff, type IRetryBackoffContext, type RetryPolicy } from 'cockatiel';
import type { z } from 'zod';
import { redact } from '../../shared/redact.js';
import { LIMITS } from '../limits.js';
import { ProviderError, fail, ok, type Result } from './provider-error.js';
import { Limiter, type LimitOptions } from './rate-limit.js';
import type { ResolverLog } from './types.js';
import { untilAborted } from './until-aborted.js';

export interface BreakerOptions {
  /** Consecutive down-failures that open the circuit (default 1). */
  threshold?: number;
  /** How long it stays open before one trial call decides (half-open), default LIMITS.breakerCooldownMs. */
  cooldownMs?: number;
}

export interface HttpProviderOptions {
  name: string;
  limit: LimitOptions;
  breaker?: BreakerOptions;
  /** Per attempt, default LIMITS.providerMs. */
  timeoutMs?: number;
  /** Extra attempts on 429/5xx, default LIMITS.httpRetries. */
  retries?: number;
  /** First backoff step, default LIMITS.httpBackoffMs (doubles, plus up to 50 % jitter). */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for, default LIMITS.maxRetryAfterMs. */
  maxRetryAfterMs?: number;
  /** Statuses meaning "slow down" (iTunes answers 403 when throttled), default [429]. */
  throttleStatuses?: number[];
  log?: ResolverLog;
  fetch?: typeof fetch;
  random?: () => number;
  /** Extra request headers (LRCLIB asks clients to name themselves in User-Agent). */
  headers?: Record<string, string>;
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

type Attempt<T> = { ok: true; value: T } | { ok: false; error: ProviderError; retryAfter?: number | null };

/** Retry-After when the service sent one, else exponential backoff with jitter (cockatiel asks once per retry). */
class HintedBackoff implements IBackoff<IRetryBackoffContext<unknown>> {
  constructor(
    private readonly baseMs: number,
    private readonly random: () => number,
    readonly duration = 0,
  ) {}
  next(ctx: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    const r = 'value' in ctx.result ? (ctx.result.value as Attempt<unknown>) : null;
    const hinted = r && !r.ok ? r.retryAfter : null;
    return new HintedBackoff(this.baseMs, this.random, hinted ?? this.baseMs * 2 ** (ctx.attempt - 1) * (1 + 0.5 * this.random()));
  }
}

/** An aborted call says nothing about the service's health: thrown past the breaker, which then neither opens nor closes. */
class Aborted extends Error {
  constructor(readonly result: ProviderError) {
    super(result.message);
  }
}

/** Only "the service is down" opens the circuit; a 404 or a bad body says nothing about health. */
function isDown(r: Attempt<unknown>): boolean {
  return !r.ok && (r.error.reason === 'timeout' || r.error.reason === 'network' || (r.error.reason === 'http' && (r.error.status ?? 0) >= 500));
}

export class HttpProvider {
  readonly breaker: CircuitBreakerPolicy;
  private readonly retry: RetryPolicy;
  private readonly limiter: Limiter;

  constructor(private readonly o: HttpProviderOptions) {
    this.breaker = circuitBreaker(handleWhenResult((r) => isDown(r as Attempt<unknown>)), {
      halfOpenAfter: o.breaker?.cooldownMs ?? LIMITS.breakerCooldownMs,
      breaker: new ConsecutiveBreaker(o.breaker?.threshold ?? 1),
    });
    const maxHint = o.maxRetryAfterMs ?? LIMITS.maxRetryAfterMs;
    const retryable = (r: Attempt<unknown>): boolean => {
      if (r.ok) return false;
      const { reason, status } = r.error;
      if (reason !== 'throttled' && !(reason === 'http' && (status ?? 0) >= 500)) return false;
      return r.retryAfter == null || r.retryAfter <= maxHint;
    };
    // Unref'd: a pending backoff must not keep a finished CLI run alive.
    this.retry = retry(handleWhenResult((r) => retryable(r as Attempt<unknown>)), {
      maxAttempts: o.retries ?? LIMITS.httpRetries,
      backoff: new HintedBackoff(o.backoffMs ?? LIMITS.httpBackoffMs, o.random ?? Math.random),
    }).dangerouslyUnref();
    this.limiter = new Limiter(o.limit);
  }

  async getJson<S extends z.ZodTypeAny>(url: string, schema: S, opts: GetOptions = {}): Promise<Result<z.infer<S>>> {
    const name = this.o.name;
    const started = Date.now();
    const cancelled = () => fail(new ProviderError(name, 'aborted', 'cancelled'));
    if (opts.signal?.aborted) return cancelled();
    const once = async (attempt: number): Promise<Attempt<z.infer<S>>> => {
      if (opts.signal?.aborted) return { ok: false, error: new ProviderError(name, 'aborted', 'cancelled') };
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
      return res;
    };
    const guarded = this.breaker.execute(async () => {
      const r = await this.retry.execute(({ attempt }) => once(attempt + 1), opts.signal);
      if (!r.ok && r.error.reason === 'aborted') throw new Aborted(r.error);
      return r;
    });
    try {
      // cockatiel's backoff wait ignores the signal: a cancel must not wait it out.
      const r = await untilAborted(guarded, opts.signal);
      return r.ok ? ok(r.value) : fail(r.error);
    } catch (e) {
      if (e instanceof Aborted) return fail(e.result);
      if (e instanceof BrokenCircuitError) return fail(new ProviderError(name, 'circuit_open', 'provider marked down; skipping until cool-down ends'));
      if (opts.signal?.aborted) return cancelled();
      return fail(new ProviderError(name, 'network', e instanceof Error ? e.message : String(e), undefined, { cause: e }));
    }
  }

  private async attempt<S extends z.ZodTypeAny>(
    url: string,
    schema: S,
    opts: GetOptions,
  ): Promise<Attempt<z.infer<S>>> {
    const name = this.o.name;
    let release: (() => void) | null = null;
    try {
      release = await this.limiter.acquire(opts.signal);
    } catch {
      return { ok: false, error: new ProviderError(name, 'aborted', 'cancelled while waiting for a rate-limit slot') };
    }
    const timeoutMs = this.o.timeoutMs ?? LIMITS.providerMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      const res = await (this.o.fetch ?? fetch)(url, { signal, headers: { accept: 'application/json', ...this.o.headers } });
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
      if (timeout.aborted) return { ok: false, error: new ProviderError(name, 'timeout', `no answer within ${timeoutMs} ms`, undefined, { cause: e }) };
      return { ok: false, error: new ProviderError(name, 'network', e instanceof Error ? e.message : String(e), undefined, { cause: e }) };
    } finally {
      release?.();
    }
  }
}
