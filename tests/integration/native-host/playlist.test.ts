/** Real yt-dlp on local playlists: a podcast RSS feed (generic extractor) and a page with several videos. */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeWithPlaylist } from '../../../native-host/services/probe-playlist.js';
import type { HostServices } from '../../../native-host/services/host-services.js';
import { hostServices, startPlaylistEnv, type PlaylistEnv } from './playlist-env.js';

let env: PlaylistEnv;
let s: HostServices;
beforeAll(async () => {
  env = await startPlaylistEnv(3);
  s = await hostServices(env.home);
}, 60_000);
afterAll(async () => {
  await s?.close();
  await env?.close();
});

describe('playlist listing (yt-dlp --flat-playlist)', () => {
  it('lists a podcast feed as a playlist with titles and durations, and keeps "This video" as the first entry', async () => {
    const url = await env.feed('feed.xml', 'Test Podcast', [
      { title: 'Episode One', file: 'ep1.m4a', durationSec: 2 },
      { title: 'Episode Two', file: 'ep2.m4a' },
      { title: 'Episode Three', file: 'ep3.m4a', durationSec: 2 },
    ]);
    const r = await probeWithPlaylist(s.media, url, { log: () => {} });
    expect(r.playlist).toMatchObject({ title: 'Test Podcast', count: 3, offset: 0, complete: true });
    expect(r.playlist?.entries.map((e) => [e.index, e.title, e.durationSec])).toEqual([
      [1, 'Episode One', 2],
      [2, 'Episode Two', null],
      [3, 'Episode Three', 2],
    ]);
    expect(r.playlist?.entries[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ep1\.m4a/);
    // The probe itself is --no-playlist: the first entry, with formats to pick from.
    expect(r.title).toBe('Episode One');
    expect(r.formats.length).toBeGreaterThan(0);
  }, 60_000);

  it('lists a page with several videos', async () => {
    const r = await probeWithPlaylist(s.media, env.url('videos.html'), { log: () => {} });
    expect(r.playlist?.title).toBe('Two Videos');
    expect(r.playlist?.entries.map((e) => e.index)).toEqual([1, 2]);
    expect(r.playlist?.entries.every((e) => e.archiveKey?.startsWith('html5mediaembed '))).toBe(true);
  }, 60_000);

  it('a single file is no playlist', async () => {
    const r = await probeWithPlaylist(s.media, env.url('direct.mp4'), { log: () => {} });
    expect(r.playlist).toBeUndefined();
    expect(r.formats.length).toBeGreaterThan(0);
  }, 60_000);

  it('an empty feed is no playlist', async () => {
    const url = await env.feed('empty.xml', 'Empty', []);
    expect(await s.media.playlist(url)).toBeNull();
  }, 60_000);

  it('pages through a 10,000-entry feed from one listing', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ title: `Episode ${i + 1}`, file: `ep${(i % 3) + 1}.m4a`, guid: `g${i}` }));
    const url = await env.feed('big.xml', 'Big Feed', items);
    const t0 = performance.now();
    const first = await s.media.playlist(url, { limit: 100 });
    const firstMs = performance.now() - t0;
    expect(first?.entries).toHaveLength(100);
    expect(first?.entries[0]?.title).toBe('Episode 1');
    const last = await s.media.playlist(url, { offset: 9900, limit: 500 });
    expect(last?.entries).toHaveLength(100);
    expect(last?.entries.at(-1)).toMatchObject({ index: 10_000, title: 'Episode 10000' });
    expect(last?.count).toBe(10_000);
    expect(last?.complete).toBe(true);
    console.log(`10,000-entry feed: first page after ${Math.round(firstMs)} ms`);
  }, 180_000);

  it('probes a 5,000-entry feed at once: "This video" is its first entry, not a -J that resolves every entry', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ title: `Show ${i + 1}`, file: `ep${(i % 3) + 1}.m4a`, guid: `s${i}` }));
    const url = await env.feed('big5k.xml', 'Five Thousand', items);
    const t0 = performance.now();
    const r = await probeWithPlaylist(s.media, url, { log: () => {} });
    const ms = performance.now() - t0;
    expect(r.playlist).toMatchObject({ title: 'Five Thousand' });
    expect(r.playlist?.entries).toHaveLength(100);
    expect(r.title).toBe('Show 1');
    expect(r.formats.length).toBeGreaterThan(0);
    // The page's own -J would take minutes (it resolves all 5,000); the listing + one entry's probe take seconds.
    expect(ms).toBeLessThan(30_000);
    console.log(`5,000-entry feed: probe with playlist in ${Math.round(ms)} ms`);
  }, 120_000);
});
