/**
 * Both YouTube search paths through the real resolver: YouTube Music through youtubei.js against the
 * InnerTube stand-in (every request it makes checked to stay on the configured loopback base), and
 * the fallback to the stand-in yt-dlp (bare search results, then `-J --skip-download` lookups).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noRegistry } from '../../../../native-host/registry/index.js';
import { createResolver } from '../../../../native-host/resolver/index.js';
import type { ResolverLogLine } from '../../../../native-host/resolver/types.js';
import { startInnertube, type InnertubeFailure, type InnertubeStandIn } from '../../../fixtures/innertube/server.js';
import { SEARCH_CANDIDATES, STAND_IN_LIMITS, standInEndpoints } from '../../../fixtures/providers/endpoints.js';
import { loadCatalog, startProviders, type StandIns } from '../../../fixtures/providers/servers.js';

let s: StandIns;
let yt: InnertubeStandIn;
let dir: string;
const outbound: string[] = [];
/** Every request the resolver makes (providers and youtubei.js); anything off loopback fails the test. */
const guardedFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  outbound.push(url.href);
  if (url.hostname !== '127.0.0.1') return Promise.reject(new Error(`request left loopback: ${url.href}`));
  return fetch(input, init);
};

beforeAll(async () => {
  s = await startProviders();
  yt = await startInnertube();
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-paths-'));
});
afterAll(async () => {
  await Promise.all([s.close(), yt.close()]);
  rmSync(dir, { recursive: true, force: true });
  delete process.env.NEXSTREAM_FAKE_LOOKUP_FAIL;
});
beforeEach(() => {
  process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
  delete process.env.NEXSTREAM_FAKE_LOOKUP_FAIL;
  s.setCatalog(loadCatalog());
  Object.assign(yt.chaos, { failure: null, latencyMs: 0 });
  yt.requests.length = 0;
  outbound.length = 0;
});

function make(lines: ResolverLogLine[] = []) {
  return createResolver({ endpoints: standInEndpoints(s, {}, yt), registry: noRegistry, limits: STAND_IN_LIMITS, providerTimeoutMs: 1500, fetch: guardedFetch, log: (l) => lines.push(l) });
}

describe('YouTube search paths', () => {
  it('primary: songs and ISRC searches through InnerTube give artists, album and duration; nothing leaves loopback', async () => {
    const lines: ResolverLogLine[] = [];
    const r = await make(lines).resolve('Daft Punk - Harder Better Faster Stronger');
    expect(r.match?.id).toBe('yydNF8tuVmU');
    expect(r.verified).toBe(true);
    expect(yt.requests.map((q) => [q.method, q.path])).toEqual([
      ['POST', '/youtubei/v1/search'],
      ['POST', '/youtubei/v1/search'],
    ]);
    expect(yt.requests.find((q) => q.query === 'GBDUW0000059')?.filtered).toBe(false);
    expect(yt.requests.find((q) => q.query !== 'GBDUW0000059')?.filtered).toBe(true);
    expect(outbound.filter((u) => u.startsWith(yt.url))).toHaveLength(2);
    expect(lines.some((l) => l.event === 'ytmusic.fallback')).toBe(false);
    // The live version is found too, and loses on its markers and length.
    expect(r.candidates.map((c) => c.id)).toContain('x84m3YyO2oU');
  });

  it('fallback: a consent redirect sends both searches to yt-dlp; the lookups corroborate the bare hits', async () => {
    yt.chaos.failure = 'consent';
    const lines: ResolverLogLine[] = [];
    const r = await make(lines).resolve('Daft Punk - Harder Better Faster Stronger');
    expect(r.match?.id).toBe('yydNF8tuVmU');
    expect(lines.filter((l) => l.event === 'ytmusic.fallback').map((l) => l.reason)).toEqual(['consent', 'consent']);
    const lookups = lines.filter((l) => l.event === 'ytdlp.enrich');
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.length).toBeLessThanOrEqual(4);
    expect(r.candidates.find((c) => c.id === 'yydNF8tuVmU')).toMatchObject({ durationSec: 225, channel: 'Daft Punk - Topic' });
  });

  it('fallback: after a consent redirect or 429 InnerTube is not asked again for a while', async () => {
    yt.chaos.failure = '429';
    const resolver = make();
    await resolver.resolve('Daft Punk - Harder Better Faster Stronger', { noCache: true });
    const asked = yt.requests.length;
    yt.chaos.failure = null;
    await resolver.resolve('Daft Punk - Harder Better Faster Stronger', { noCache: true });
    expect(asked).toBeGreaterThan(0);
    expect(yt.requests.length).toBe(asked);
  });

  it('a title-only hit nothing corroborates is never a confident match', async () => {
    // Only YouTube Music knows the song, InnerTube is down and the lookups fail: titles alone remain.
    const file = path.join(dir, 'bare.json');
    writeFileSync(file, JSON.stringify({ candidates: [{ id: 'yydNF8tuVmU', title: 'Harder, Better, Faster, Stronger', channel: 'Daft Punk', artists: ['Daft Punk'], durationSec: 225, kind: 'song', album: 'Discovery', foundIn: [{ search: 'isrc', rank: 1 }, { search: 'songs', rank: 1 }] }] }));
    process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = file;
    process.env.NEXSTREAM_FAKE_LOOKUP_FAIL = '1';
    yt.chaos.failure = 'captcha';
    const lines: ResolverLogLine[] = [];
    const r = await make(lines).resolve('Daft Punk - Harder Better Faster Stronger');
    expect(r.candidates.map((c) => c.id)).toContain('yydNF8tuVmU');
    expect(r.match).toBeNull();
    expect(lines.some((l) => l.event === 'ytdlp.enrich.failed')).toBe(true);
  });

  it.each<InnertubeFailure>(['changed-shape', 'missing-runs', 'unknown-renderers', 'empty-shelf', 'consent', 'captcha', '429', '500', 'hang'])(
    'InnerTube answering %s: the right recording or none, within the budget, with the reason logged',
    async (failure) => {
      yt.chaos.failure = failure;
      const lines: ResolverLogLine[] = [];
      const resolver = createResolver({ endpoints: standInEndpoints(s, {}, yt), registry: noRegistry, limits: STAND_IN_LIMITS, providerTimeoutMs: 800, budgetMs: 6000, fetch: guardedFetch, log: (l) => lines.push(l) });
      const t0 = Date.now();
      const r = await resolver.resolve('Daft Punk - Harder Better Faster Stronger');
      expect(Date.now() - t0).toBeLessThan(6000 + 250);
      if (r.match) expect(['yydNF8tuVmU', 'gAjR4_CbPpQ']).toContain(r.match.id);
      const fellBack = lines.filter((l) => l.event === 'ytmusic.fallback');
      // An empty shelf is an answer ("nothing"), every other case is a failure that falls back to yt-dlp.
      if (failure === 'empty-shelf') expect(fellBack).toEqual([]);
      else expect(fellBack.length, JSON.stringify(lines.filter((l) => l.event.startsWith('ytmusic')))).toBe(2);
    },
  );

  it('an unknown base (nothing listening) falls back within the budget', async () => {
    const resolver = createResolver({ endpoints: { ...standInEndpoints(s, {}, { url: 'http://127.0.0.1:9' }) }, registry: noRegistry, limits: STAND_IN_LIMITS, providerTimeoutMs: 1500, fetch: guardedFetch });
    const r = await resolver.resolve('Daft Punk - Harder Better Faster Stronger');
    expect(r.match?.id).toBe('yydNF8tuVmU');
    expect(r.timingsMs.youtube).toBeLessThan(15_000);
  });
});
