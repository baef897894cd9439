/** The whole resolver against stand-in providers, the stand-in yt-dlp search and a real registry file. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openRegistry, noRegistry, type Registry } from '../../../../native-host/registry/index.js';
import { createResolver, type PartialUpdate } from '../../../../native-host/resolver/index.js';
import { NexError } from '../../../../shared/errors.js';
import { SEARCH_CANDIDATES, STAND_IN_LIMITS, standInEndpoints } from '../../../fixtures/providers/endpoints.js';
import { loadCatalog, startProviders, type StandIns } from '../../../fixtures/providers/servers.js';

let s: StandIns;
let dir: string;
beforeAll(async () => {
  s = await startProviders();
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-resolve-'));
  process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  s.setCatalog(loadCatalog());
  for (const p of [s.deezer, s.itunes, s.odesli, s.groq, s.gemini]) {
    Object.assign(p.chaos, { failure: null, latencyMs: 0, failTimes: undefined, failed: 0 });
    p.requests.length = 0;
  }
});

const make = (registry: Registry = noRegistry, keys = {}) =>
  createResolver({ endpoints: standInEndpoints(s, keys), registry, limits: STAND_IN_LIMITS, providerTimeoutMs: 1500, previewRefreshMs: 1500 });

describe('resolve', () => {
  it('text input: level 0 finds the ISRC, Odesli maps the Deezer link, the match is verified', async () => {
    const updates: PartialUpdate[] = [];
    const r = await make().resolve('Daft Punk - Harder Better Faster Stronger', { emit: (u) => updates.push(u) });
    expect(r).toMatchObject({ title: 'Harder, Better, Faster, Stronger', isrc: 'GBDUW0000059', level: 'isrc', verified: true, album: 'Discovery' });
    expect(r.match?.id).toBe('yydNF8tuVmU');
    expect(r.artworkUrl).toMatch(/1200x1200bb/);
    expect(r.sources).toMatchObject({ isrc: 'deezer', artworkUrl: 'itunes' });
    expect(Object.keys(r.timingsMs)).toEqual(expect.arrayContaining(['deezer', 'itunes', 'odesli', 'youtube', 'total']));
    expect(updates.length).toBeGreaterThanOrEqual(3);
    expect(updates.at(-1)?.match?.id).toBe('yydNF8tuVmU');
  });

  it('the first provider to answer hydrates, the later one refines', async () => {
    s.deezer.chaos.latencyMs = 400;
    const order: string[] = [];
    await make().resolve('Daft Punk - Harder Better Faster Stronger', { emit: (u) => order.push(u.provider) });
    expect(order[0]).toBe('itunes');
    expect(order.indexOf('deezer')).toBeGreaterThan(0);
  });

  it('a Spotify link goes through Odesli to the Deezer id', async () => {
    const r = await make().resolve('https://open.spotify.com/track/5W3cjX2J3tjhG8zb6u0qHn');
    expect(r).toMatchObject({ isrc: 'GBDUW0000059', verified: true });
    expect(s.odesli.requests[0]).toContain(encodeURIComponent('https://open.spotify.com/track/5W3cjX2J3tjhG8zb6u0qHn'));
  });

  it('album links are refused, not resolved to a random track', async () => {
    await expect(make().resolve('https://open.spotify.com/album/2noRn2Aes5aoNVsU6iWThc')).rejects.toMatchObject({ code: 'resolver.collection' });
  });

  it('cache integrity: verified matches are written, then served from the registry with a fresh preview', async () => {
    const reg = await openRegistry({ localPath: path.join(dir, 'cache.db') });
    const resolver = make(reg);
    const cold = await resolver.resolve('Daft Punk - Harder Better Faster Stronger');
    expect(cold.verified).toBe(true);
    expect(await reg.getByIsrc('GBDUW0000059')).not.toBeNull();
    const updates: PartialUpdate[] = [];
    const hit = await resolver.resolve('https://open.spotify.com/track/5W3cjX2J3tjhG8zb6u0qHn', { emit: (u) => updates.push(u) });
    expect(hit).toMatchObject({ level: 'registry', verified: true });
    expect(hit.match?.id).toBe('yydNF8tuVmU');
    await resolver.idle();
    expect(updates.some((u) => u.track.previewUrl && u.provider !== 'registry')).toBe(true);
    await reg.close();
  });

  it('cache integrity: an unverified (fuzzy, no ISRC) match serves the request and is never written', async () => {
    const reg = await openRegistry({ localPath: path.join(dir, 'fuzzy.db') });
    s.setCatalog({ tracks: [], llm: null });
    const r = await make(reg).resolve('Daft Punk - Harder Better Faster Stronger');
    expect(r).toMatchObject({ level: 'search', verified: false, isrc: null });
    expect(r.match?.id).toBe('yydNF8tuVmU');
    const all = await Promise.all(['GBDUW0000059'].map((i) => reg.getByIsrc(i)));
    expect(all).toEqual([null]);
    await reg.close();
  });

  it('level 2: an LLM answer naming another song is rejected; Gemini is the fallback', async () => {
    s.setCatalog({ ...loadCatalog(), llm: { artist: 'Rick Astley', title: 'Never Gonna Give You Up', query: 'rick astley' } });
    s.deezer.chaos.failure = '500';
    s.itunes.chaos.failure = '500';
    const r = await make(noRegistry, { groq: true, gemini: true }).resolve('daft punk harder better faster stronger official video HD');
    expect(r.level).toBe('search');
    expect(s.groq.requests.length + s.gemini.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('providers down: the resolver still answers from the text, each down provider costs one timeout', async () => {
    s.deezer.chaos.failure = 'hang';
    s.itunes.chaos.failure = 'html';
    const resolver = make();
    const t0 = Date.now();
    const r = await resolver.resolve('Daft Punk - Harder Better Faster Stronger');
    expect(r.match?.id).toBe('yydNF8tuVmU');
    const t1 = Date.now();
    await resolver.resolve('Daft Punk - Harder Better Faster Stronger');
    expect(Date.now() - t1).toBeLessThan(Math.max(1500, t1 - t0));
    expect(s.deezer.requests.length).toBe(1);
  });

  it('an override wins next time and stays local', async () => {
    const reg = await openRegistry({ localPath: path.join(dir, 'ovr.db') });
    const resolver = make(reg);
    await resolver.override({ input: 'Daft Punk - Harder Better Faster Stronger', videoUrl: 'https://www.youtube.com/watch?v=gAjR4_CbPpQ' });
    const r = await resolver.resolve('Daft Punk - Harder Better Faster Stronger');
    expect(r).toMatchObject({ level: 'override', verified: false });
    expect(r.match?.id).toBe('gAjR4_CbPpQ');
    await reg.close();
  });

  it('a link whose only provider failed is resolver.provider (not "nobody knows it"), naming who failed', async () => {
    s.itunes.chaos.failure = '500';
    const err = await make().resolve('https://music.apple.com/us/song/x/697195787').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'resolver.provider', details: { failures: [{ provider: 'itunes', reason: 'http' }] } });
    expect((err as Error).message).toContain('itunes (http)');
  });

  it('no provider and no text to go on is resolver.not_found', async () => {
    s.setCatalog({ tracks: [], llm: null });
    await expect(make().resolve('https://tidal.com/browse/track/1')).rejects.toBeInstanceOf(NexError);
  });
});

