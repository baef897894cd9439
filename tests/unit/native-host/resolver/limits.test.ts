import { CircuitState } from 'cockatiel';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { HttpProvider } from '../../../../native-host/resolver/http.js';
import { Limiter } from '../../../../native-host/resolver/rate-limit.js';
import { parseAnswer, saneAgainstInput } from '../../../../native-host/resolver/llm.js';
import { parseSearchOutput, searchArgs } from '../../../../native-host/resolver/youtube-search.js';

describe('Limiter', () => {
  it('caps concurrency and the rate per window', async () => {
    const l = new Limiter({ max: 2, windowMs: 100, concurrency: 1 });
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) (await l.acquire())();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(95);
  });
});

describe('circuit breaker (cockatiel, in HttpProvider)', () => {
  it('opens on a down failure and half-opens after the cool-down', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      let calls = 0;
      let answer: (r: Response) => void = () => {};
      const fetch = (async () => {
        calls++;
        if (calls === 1) throw new TypeError('fetch failed');
        if (calls > 2) return new Response('{"a":2}', { status: 200 });
        return new Promise<Response>((r) => (answer = r));
      }) as unknown as typeof globalThis.fetch;
      const http = new HttpProvider({ name: 'p', limit: { max: 100, windowMs: 1000, concurrency: 4 }, breaker: { cooldownMs: 1000 }, fetch });
      const get = () => http.getJson('http://127.0.0.1:9/x', z.object({ a: z.number() }));
      expect(await get()).toMatchObject({ ok: false, error: { reason: 'network' } });
      expect(await get()).toMatchObject({ ok: false, error: { reason: 'circuit_open' } });
      expect(calls).toBe(1);
      vi.setSystemTime(Date.now() + 1001);
      const trial = get();
      const other = get();
      await new Promise((r) => setTimeout(r, 20));
      expect(calls).toBe(2); // one trial at a time
      answer(new Response('{"a":1}', { status: 200 }));
      expect(await trial).toMatchObject({ ok: true, value: { a: 1 } });
      expect(http.breaker.state).toBe(CircuitState.Closed);
      // The caller that waited on the trial goes through once the circuit closed.
      expect(await other).toMatchObject({ ok: true, value: { a: 2 } });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('LLM answers', () => {
  it('rejects non-JSON and wrong shapes', () => {
    expect(parseAnswer('Sure! The song is One More Time')).toBeNull();
    expect(parseAnswer('{"artist": 1}')).toBeNull();
    expect(parseAnswer('{"artist":"Daft Punk","title":"One More Time","query":"daft punk one more time"}')).not.toBeNull();
  });
  it('rejects an answer naming a different song', () => {
    const a = { artist: 'Rick Astley', title: 'Never Gonna Give You Up', query: 'rick astley' };
    expect(saneAgainstInput(a, 'daft punk one more time (official video) HD')).toBe(false);
    expect(saneAgainstInput({ artist: 'Daft Punk', title: 'One More Time', query: 'x' }, 'daft punk one more time (official video) HD')).toBe(true);
  });
});

describe('yt-dlp search arguments and output', () => {
  it('puts -- before the user-derived query', () => {
    const a = searchArgs('videos', '--exec rm -rf', 5);
    expect(a[a.indexOf('--') + 1]).toBe('ytsearch5:--exec rm -rf');
    expect(searchArgs('songs', 'a b', 5).at(-1)).toBe('https://music.youtube.com/search?q=a%20b#songs');
  });
  it('drops invalid entries and survives junk', () => {
    expect(parseSearchOutput('not json', 'videos')).toEqual([]);
    const hits = parseSearchOutput(JSON.stringify({ entries: [{ id: 'bad' }, { id: 'yydNF8tuVmU', title: 'x', duration: 1 }] }), 'songs');
    expect(hits.map((h) => [h.id, h.kind])).toEqual([['yydNF8tuVmU', 'song']]);
  });
});
