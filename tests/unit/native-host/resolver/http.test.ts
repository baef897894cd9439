/** HttpProvider's cockatiel policies: Retry-After honoured or refused, backoff between attempts, a cancel that does not wait out a backoff. */
import { describe, expect, it } from 'vitest';
import { CircuitState } from 'cockatiel';
import { z } from 'zod';
import { HttpProvider } from '../../../../native-host/resolver/http.js';

const LIMIT = { max: 100, windowMs: 1000, concurrency: 4 };
const Body = z.object({ a: z.number() });

function scripted(...answers: Array<() => Response>) {
  const at: number[] = [];
  const fetch = (async () => {
    at.push(Date.now());
    return (answers[at.length - 1] ?? answers.at(-1)!)();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, at };
}
const throttled = (retryAfter?: string) => () => new Response('slow down', { status: 429, headers: retryAfter ? { 'retry-after': retryAfter } : {} });
const fine = () => new Response('{"a":1}', { status: 200 });

describe('HttpProvider retries (cockatiel)', () => {
  it('waits the Retry-After the service asked for, then answers', async () => {
    const f = scripted(throttled('0.2'), fine);
    const r = await new HttpProvider({ name: 'p', limit: LIMIT, fetch: f.fetch }).getJson('http://127.0.0.1:9/x', Body);
    expect(r).toMatchObject({ ok: true, value: { a: 1 } });
    expect(f.at).toHaveLength(2);
    expect(f.at[1]! - f.at[0]!).toBeGreaterThanOrEqual(190);
  });
  it('does not wait for a Retry-After beyond the limit: one request, throttled', async () => {
    const f = scripted(throttled('60'), fine);
    const r = await new HttpProvider({ name: 'p', limit: LIMIT, fetch: f.fetch, maxRetryAfterMs: 1000 }).getJson('http://127.0.0.1:9/x', Body);
    expect(r).toMatchObject({ ok: false, error: { reason: 'throttled', status: 429 } });
    expect(f.at).toHaveLength(1);
  });
  it('gives up after the configured retries with exponential backoff', async () => {
    const f = scripted(() => new Response('boom', { status: 503 }));
    const r = await new HttpProvider({ name: 'p', limit: LIMIT, fetch: f.fetch, retries: 2, backoffMs: 50, random: () => 0 }).getJson('http://127.0.0.1:9/x', Body);
    expect(r).toMatchObject({ ok: false, error: { reason: 'http', status: 503 } });
    expect(f.at).toHaveLength(3);
    expect(f.at[2]! - f.at[1]!).toBeGreaterThanOrEqual(f.at[1]! - f.at[0]!);
  });
  it('a cancel during a backoff returns at once as aborted, and does not open the circuit', async () => {
    const f = scripted(throttled('3'), fine);
    const http = new HttpProvider({ name: 'p', limit: LIMIT, fetch: f.fetch });
    const ctl = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ctl.abort(), 50);
    const r = await http.getJson('http://127.0.0.1:9/x', Body, { signal: ctl.signal });
    expect(r).toMatchObject({ ok: false, error: { reason: 'aborted' } });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(http.breaker.state).toBe(CircuitState.Closed);
  });
});
