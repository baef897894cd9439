/** The resolver's split modules on their own: verify (named thresholds), cache (keys, storing), result (errors), run. */
import { describe, expect, it } from 'vitest';
import { noRegistry, type Registry, type VerifiedEntry } from '../../../../native-host/registry/index.js';
import { deezerTrackId, inputKeys, saveOverride, storeVerified } from '../../../../native-host/resolver/cache.js';
import { identityLevel } from '../../../../native-host/resolver/identify.js';
import { classifyInput } from '../../../../native-host/resolver/input.js';
import type { Scored } from '../../../../native-host/resolver/match.js';
import { noTrack, toResult } from '../../../../native-host/resolver/result.js';
import { Run } from '../../../../native-host/resolver/run.js';
import { emptyTrack, type ResolverLogLine } from '../../../../native-host/resolver/types.js';
import { VERIFY_THRESHOLDS, verifyMatch } from '../../../../native-host/resolver/verify.js';

const scored = (over: Partial<Scored['breakdown']> = {}, foundBy: Scored['hit']['foundBy'] = ['isrc']): Scored => ({
  hit: { id: 'yydNF8tuVmU', url: 'https://www.youtube.com/watch?v=yydNF8tuVmU', title: 't', channel: null, durationSec: 224, kind: 'video', foundBy, rank: 1 },
  score: 0.9,
  breakdown: { title: 1, artist: 1, duration: 1, channel: 0, penalty: 0, markers: [], source: 0.1, ...over },
});
const noOdesli = { odesli: null, odesliFromAuthority: false };

describe('verify', () => {
  it('only a Deezer ISRC can verify', () => {
    expect(verifyMatch({ best: scored(), isrc: 'GBDUW0000059', isrcSource: 'deezer', identity: noOdesli })).toBe('isrc-search');
    expect(verifyMatch({ best: scored(), isrc: 'GBDUW0000059', isrcSource: 'page', identity: noOdesli })).toBeNull();
    expect(verifyMatch({ best: scored(), isrc: null, isrcSource: 'deezer', identity: noOdesli })).toBeNull();
    expect(verifyMatch({ best: null, isrc: 'GBDUW0000059', isrcSource: 'deezer', identity: noOdesli })).toBeNull();
  });
  it('Odesli from the authority verifies by id; the ISRC search only within every threshold', () => {
    const odesli = { odesli: { ids: {}, youtubeId: 'yydNF8tuVmU', youtubeMusicId: null, title: null, artist: null }, odesliFromAuthority: true } as never;
    expect(verifyMatch({ best: scored({ duration: 0 }, ['videos']), isrc: 'X', isrcSource: 'deezer', identity: odesli })).toBe('odesli');
    const t = VERIFY_THRESHOLDS;
    const ok = (b: Partial<Scored['breakdown']>) => verifyMatch({ best: scored(b), isrc: 'X', isrcSource: 'deezer', identity: noOdesli });
    expect(ok({ duration: t.minDuration, title: t.minTitle, penalty: t.maxPenalty - 0.01 })).toBe('isrc-search');
    expect(ok({ duration: t.minDuration - 0.01 })).toBeNull();
    expect(ok({ title: t.minTitle - 0.01 })).toBeNull();
    expect(ok({ penalty: t.maxPenalty })).toBeNull();
    expect(verifyMatch({ best: scored({}, ['videos']), isrc: 'X', isrcSource: 'deezer', identity: noOdesli })).toBeNull();
  });
});

describe('cache', () => {
  it('keys an input by platform id or folded text, plus the page ISRC', () => {
    expect(inputKeys(classifyInput('https://www.deezer.com/track/3135556'))).toEqual(['deezer:3135556']);
    expect(inputKeys(classifyInput('Daft Punk - One More Time'), { isrc: 'gbduw0000053' })).toEqual(['text:daft punk - one more time', 'isrc:GBDUW0000053']);
    expect(deezerTrackId('https://www.deezer.com/track/3135556')).toBe('3135556');
    expect(deezerTrackId(null)).toBeUndefined();
  });
  it('stores a verified match under every key but the text one', async () => {
    const puts: VerifiedEntry[] = [];
    const registry: Registry = { ...noRegistry, putVerified: async (e) => (puts.push(e), true) };
    const track = { ...emptyTrack('deezer'), title: 'One More Time', isrc: 'GBDUW0000053' } as never;
    const match = { id: 'FGBhQbmPwH8', url: 'https://www.youtube.com/watch?v=FGBhQbmPwH8', title: 'x', channel: null, durationSec: 320, score: 0.9, foundBy: 'isrc' };
    await storeVerified(registry, { track, match, verifiedBy: 'odesli', level: 'isrc', inputKeys: ['text:x', 'isrc:GBDUW0000053'], odesli: { ids: { spotify: 'abc' } } as never, deezerLink: 'https://www.deezer.com/track/3135556' });
    expect(puts[0]?.keys).toEqual(['isrc:GBDUW0000053', 'spotify:abc', 'deezer:3135556']);
  });
  it('an override must be a YouTube link', async () => {
    await expect(saveOverride({ registry: noRegistry, log: () => {} }, { input: 'x - y', videoUrl: 'https://example.com/v' })).rejects.toMatchObject({ code: 'input.invalid' });
  });
});

describe('run and result', () => {
  it('not_found when every provider said "unknown", resolver.provider when one failed', () => {
    const run = new Run(() => {}, {});
    expect(noTrack(run).code).toBe('resolver.not_found');
    run.failures.push({ provider: 'deezer', reason: 'timeout' });
    expect(noTrack(run)).toMatchObject({ code: 'resolver.provider', details: { failures: [{ provider: 'deezer', reason: 'timeout' }] } });
  });
  it('timed never throws and records failures; the level follows who named the track', async () => {
    const lines: ResolverLogLine[] = [];
    const run = new Run((l) => lines.push(l), {});
    expect(await run.timed('deezer', async () => Promise.reject(new Error('boom')))).toBeNull();
    expect(run.failures).toEqual([{ provider: 'deezer', reason: 'network' }]);
    expect(identityLevel({ odesli: null, odesliFromAuthority: false, llm: null }, run)).toBe('search');
    run.add({ ...emptyTrack('itunes'), title: 'T' }, 'isrc');
    expect(identityLevel({ odesli: null, odesliFromAuthority: false, llm: null }, run)).toBe('isrc');
    const r = toResult(run, (l) => lines.push(l), { track: { ...emptyTrack('itunes'), title: 'T' } as never, sources: {}, level: 'isrc', verified: false, match: null, candidates: [] });
    expect(r.timingsMs.total).toBeGreaterThanOrEqual(0);
    expect(lines.map((l) => l.event)).toEqual(['provider.failed', 'resolve.hydrate', 'resolve.done']);
  });
});
