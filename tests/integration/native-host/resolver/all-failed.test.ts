/** Free text when every provider failed: the error names them instead of "no confident match" with an empty list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noRegistry } from '../../../../native-host/registry/index.js';
import { createResolver } from '../../../../native-host/resolver/index.js';
import { SEARCH_CANDIDATES, STAND_IN_LIMITS, standInEndpoints } from '../../../fixtures/providers/endpoints.js';
import { loadCatalog, startProviders, type StandIns } from '../../../fixtures/providers/servers.js';

let s: StandIns;
beforeAll(async () => {
  s = await startProviders();
  s.setCatalog(loadCatalog());
  process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
});
afterAll(async () => {
  delete process.env.NEXSTREAM_FAKE_SEARCH_FAIL;
  await s.close();
});

describe('free text with every provider down', () => {
  it('fails as resolver.provider naming Deezer and iTunes', async () => {
    s.deezer.chaos.failure = '500';
    s.itunes.chaos.failure = '500';
    process.env.NEXSTREAM_FAKE_SEARCH_FAIL = '1';
    const resolver = createResolver({ endpoints: standInEndpoints(s, {}), registry: noRegistry, limits: STAND_IN_LIMITS, providerTimeoutMs: 1500, previewRefreshMs: 1500 });
    const err = await resolver.resolve('Daft Punk - Harder Better Faster Stronger').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'resolver.provider' });
    const msg = (err as Error).message;
    expect(msg).toMatch(/deezer/);
    expect(msg).toMatch(/itunes/);
    expect(msg).toMatch(/YouTube search found nothing/);
    // With the search back, the same text still resolves from the text alone.
    delete process.env.NEXSTREAM_FAKE_SEARCH_FAIL;
    const r = await resolver.resolve('Daft Punk - Harder Better Faster Stronger', { noCache: true });
    expect(r.match?.id).toBe('yydNF8tuVmU');
  });
});
