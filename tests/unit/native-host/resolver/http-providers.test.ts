/** Provider HTTP against the stand-ins' chaos modes: retries, typed errors, circuit breaker. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Deezer } from '../../../../native-host/resolver/deezer.js';
import { ITunes } from '../../../../native-host/resolver/itunes.js';
import { STAND_IN_LIMITS } from '../../../fixtures/providers/endpoints.js';
import { startProviders, type StandIns } from '../../../fixtures/providers/servers.js';

let s: StandIns;
beforeAll(async () => {
  s = await startProviders();
});
afterAll(() => s.close());
beforeEach(() => {
  for (const p of [s.deezer, s.itunes]) {
    p.chaos.failure = null;
    p.chaos.failTimes = undefined;
    p.chaos.failed = 0;
    p.chaos.latencyMs = 0;
    p.requests.length = 0;
  }
});

const deezer = (timeoutMs = 1000) => new Deezer({ baseUrl: s.deezer.url, timeoutMs, limit: STAND_IN_LIMITS.deezer });

describe('provider HTTP', () => {
  it('maps an ISRC to the track with contributors and hi-res cover', async () => {
    const r = await deezer().byIsrc('GBDUW0000059');
    expect(r.ok && r.value).toMatchObject({ title: 'Harder, Better, Faster, Stronger', artists: ['Daft Punk'], isrc: 'GBDUW0000059', durationSec: 224 });
  });
  it('search then /track/{id}, because search results carry no ISRC', async () => {
    const r = await deezer().search({ artist: 'Daft Punk', title: 'Harder Better Faster Stronger' });
    expect(r.ok && r.value.isrc).toBe('GBDUW0000059');
    expect(s.deezer.requests.map((x) => x.split('?')[0])).toEqual(['GET /search', 'GET /track/3135556']);
  });
  it('retries 429 and 500, then answers', async () => {
    s.deezer.chaos.failure = '429';
    s.deezer.chaos.failTimes = 1;
    expect((await deezer().byIsrc('GBDUW0000059')).ok).toBe(true);
    s.deezer.chaos.failure = '500';
    s.deezer.chaos.failTimes = 2;
    s.deezer.chaos.failed = 0;
    expect((await deezer().byIsrc('GBDUW0000059')).ok).toBe(true);
  });
  it("treats Deezer's 200-with-quota-error as throttling and retries", async () => {
    s.deezer.chaos.failure = 'quota';
    s.deezer.chaos.failTimes = 1;
    const r = await deezer().byIsrc('GBDUW0000059');
    expect(r.ok).toBe(true);
    expect(s.deezer.requests).toHaveLength(2);
  });
  it('an unknown ISRC is not_found (code 800), not an exception', async () => {
    const r = await deezer().byIsrc('XX0000000000');
    expect(!r.ok && r.error.reason).toBe('not_found');
  });
  it.each([
    ['html', 'http'],
    ['truncated', 'bad_body'],
    ['wrong-shape', 'bad_body'],
  ] as const)('%s becomes a typed %s error', async (failure, reason) => {
    s.deezer.chaos.failure = failure;
    const r = await deezer().byIsrc('GBDUW0000059');
    expect(!r.ok && r.error.reason).toBe(reason);
  });
  it('iTunes 403 is throttling; artwork is raised to 1200x1200', async () => {
    const it = new ITunes({ baseUrl: s.itunes.url, timeoutMs: 1000, limit: STAND_IN_LIMITS.itunes });
    s.itunes.chaos.failure = '403';
    s.itunes.chaos.failTimes = 1;
    const r = await it.lookup('697195787');
    expect(r.ok && r.value.artworkUrl).toMatch(/1200x1200bb\.jpg$/);
    expect(r.ok && r.value.durationSec).toBeCloseTo(224.693);
  });
  it('a provider that hangs costs its timeout once: the circuit opens', async () => {
    s.deezer.chaos.failure = 'hang';
    const d = deezer(300);
    const t0 = Date.now();
    const first = await d.byIsrc('GBDUW0000059');
    expect(!first.ok && first.error.reason).toBe('timeout');
    const t1 = Date.now();
    const second = await d.byIsrc('GBDUW0000059');
    expect(!second.ok && second.error.reason).toBe('circuit_open');
    expect(Date.now() - t1).toBeLessThan(50);
    expect(t1 - t0).toBeGreaterThanOrEqual(290);
    expect(s.deezer.requests).toHaveLength(1);
  });
});
