import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../native-host/resolver/circuit-breaker.js';
import { Limiter } from '../../../native-host/resolver/rate-limit.js';
import { parseAnswer, saneAgainstInput } from '../../../native-host/resolver/llm.js';
import { parseSearchOutput, searchArgs } from '../../../native-host/resolver/youtube-search.js';

describe('Limiter', () => {
  it('caps concurrency and the rate per window', async () => {
    const l = new Limiter({ max: 2, windowMs: 100, concurrency: 1 });
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) (await l.acquire())();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(95);
  });
});

describe('CircuitBreaker', () => {
  it('opens on a down failure and half-opens after the cool-down', () => {
    let now = 0;
    const b = new CircuitBreaker({ cooldownMs: 1000 }, () => now);
    b.down();
    expect(b.allow()).toBe(false);
    now = 1001;
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(false); // one trial at a time
    b.success();
    expect(b.state).toBe('closed');
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
