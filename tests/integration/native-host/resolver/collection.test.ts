/** "Resolve this album / playlist": the real resolver against stand-in Deezer / iTunes / Odesli and the stand-in yt-dlp search. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectionLink } from '../../../../shared/collection-link.js';
import { noRegistry, openRegistry, type Registry } from '../../../../native-host/registry/index.js';
import { createResolver } from '../../../../native-host/resolver/index.js';
import { listCollection } from '../../../../native-host/resolver/collection/list.js';
import { allMatched, resolveCollection } from '../../../../native-host/resolver/collection/resolve-collection.js';
import { STAND_IN_LIMITS, standInEndpoints } from '../../../fixtures/providers/endpoints.js';
import { ALBUM_ID, ALBUM_TITLE, ALBUM_TRACKS, ITUNES_ALBUM_ID, PLAYLIST_ID, SPOTIFY_ALBUM_URL, SPOTIFY_PLAYLIST_URL, albumCatalog, writeAlbumCandidates } from '../../../fixtures/providers/albums.js';
import { loadCatalog, startProviders, type Catalog, type StandIns } from '../../../fixtures/providers/servers.js';

let s: StandIns;
let dir: string;
beforeAll(async () => {
  s = await startProviders();
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-collection-'));
  process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = writeAlbumCandidates(dir);
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  s.setCatalog(albumCatalog(loadCatalog()));
  for (const p of [s.deezer, s.itunes, s.odesli]) {
    Object.assign(p.chaos, { failure: null, latencyMs: 0, failTimes: undefined, failed: 0 });
    p.requests.length = 0;
  }
});

const make = (registry: Registry = noRegistry) => createResolver({ endpoints: standInEndpoints(s), registry, limits: STAND_IN_LIMITS, providerTimeoutMs: 1500, previewRefreshMs: 1500 });
const DEEZER_ALBUM = `https://www.deezer.com/album/${ALBUM_ID}`;

describe('resolve an album or playlist', () => {
  it('a Deezer album: every track resolved and verified by ISRC, in album order with discs, album facts kept', async () => {
    const c = await resolveCollection(make(), DEEZER_ALBUM);
    expect(c).toMatchObject({ kind: 'album', title: ALBUM_TITLE, artists: ['The Stand-ins'], source: 'deezer', genre: 'Electro', date: '2026-03-06', compilation: false, trackTotal: 12, discTotal: 2 });
    expect(c.coverUrl).toMatch(/1000x1000/);
    expect(c.tracks.map((t) => [t.disc, t.position])).toEqual(ALBUM_TRACKS.map((t) => [t.disc, t.position]));
    for (const [i, t] of c.tracks.entries()) {
      expect(t.isrc).toBe(ALBUM_TRACKS[i]?.isrc);
      expect(t.result).toMatchObject({ verified: true, isrc: ALBUM_TRACKS[i]?.isrc });
      expect(t.result?.match?.id).toBe(ALBUM_TRACKS[i]?.videoId);
    }
    expect(allMatched(c)).toBe(true);
    // The album's own list came from /album/{id}/tracks (positions, ISRCs), once.
    expect(s.deezer.requests.filter((r) => r.startsWith(`GET /album/${ALBUM_ID}/tracks`))).toHaveLength(1);
    // What that list answered (title, artist, ISRC) is not asked again per track, of Deezer or iTunes.
    expect(s.deezer.requests.filter((r) => r.startsWith('GET /track/'))).toEqual([]);
    expect(s.itunes.requests).toEqual([]);
  });

  it("an album's YouTube searches share yt-dlp runs: far fewer starts than tracks x searches", async () => {
    const r = make();
    const c = await resolveCollection(r, DEEZER_ALBUM);
    expect(allMatched(c)).toBe(true);
    const runs = (r as unknown as { deps: { youtube: { o: { batcher: { runs: number } } } } }).deps.youtube.o.batcher.runs;
    // 12 tracks x 3 searches (ISRC, songs, videos) were 36 starts, plus the bare hits' lookups.
    console.log(`album: ${runs} batched yt-dlp runs`);
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBeLessThanOrEqual(24);
  });

  it('a second resolve of the album comes from the registry, track by track', async () => {
    const reg = await openRegistry({ localPath: path.join(dir, 'reg.db') });
    const r = make(reg);
    await resolveCollection(r, DEEZER_ALBUM);
    const before = s.deezer.requests.length;
    const again = await resolveCollection(r, DEEZER_ALBUM);
    expect(again.tracks.every((t) => t.result?.level === 'registry')).toBe(true);
    // Only the listing itself is asked again.
    expect(s.deezer.requests.length - before).toBe(2);
    await r.idle();
    await reg.close();
  });

  it('an Apple Music album through iTunes Lookup (entity=song): positions, discs, ISRCs found per track', async () => {
    const c = await resolveCollection(make(), `https://music.apple.com/us/album/night-signals/${ITUNES_ALBUM_ID}`);
    expect(c).toMatchObject({ source: 'itunes', title: ALBUM_TITLE, genre: 'Electronic', discTotal: 2, trackTotal: 12 });
    expect(c.coverUrl).toMatch(/3000x3000bb/);
    expect(c.tracks[7]).toMatchObject({ disc: 2, position: 2, title: 'Copper Rain', isrc: 'QZAAA2600008' });
    expect(s.itunes.requests).toContain(`GET /lookup?id=${ITUNES_ALBUM_ID}&entity=song&limit=200`);
    expect(allMatched(c)).toBe(true);
  });

  it('a Spotify album goes through Odesli to its Deezer album', async () => {
    const c = await resolveCollection(make(), SPOTIFY_ALBUM_URL);
    expect(c).toMatchObject({ source: 'deezer', title: ALBUM_TITLE });
    expect(c.tracks).toHaveLength(12);
    expect(s.odesli.requests[0]).toContain(encodeURIComponent(SPOTIFY_ALBUM_URL));
  });

  it('a Deezer playlist is paged through its `next` links, positions are playlist order', async () => {
    const base = albumCatalog(loadCatalog());
    const pl = base.collections.deezerPlaylists[0];
    if (!pl) throw new Error('fixture');
    const many = Array.from({ length: 230 }, (_, i) => ({ ...pl.tracks[i % pl.tracks.length], id: 82000000 + i }));
    s.setCatalog({ ...base, collections: { ...base.collections, deezerPlaylists: [{ ...pl, tracks: many }] } } as Catalog);
    const link = collectionLink(`https://www.deezer.com/en/playlist/${PLAYLIST_ID}`);
    if (!link) throw new Error('not a collection link');
    const l = await listCollection(make().providers, link);
    expect(l).toMatchObject({ kind: 'playlist', title: 'Loopback Favourites', artists: ['listener'] });
    expect(l.entries).toHaveLength(230);
    expect(l.entries[229]).toMatchObject({ position: 230, link: 'https://www.deezer.com/track/82000229' });
    expect(s.deezer.requests.filter((r) => r.includes('/tracks'))).toHaveLength(3);
  });

  it('a `next` link to another host is not followed', async () => {
    const base = albumCatalog(loadCatalog());
    const pl = base.collections.deezerPlaylists[0];
    if (!pl) throw new Error('fixture');
    const many = Array.from({ length: 150 }, (_, i) => ({ ...pl.tracks[0], id: 83000000 + i }));
    s.setCatalog({ ...base, collections: { ...base.collections, deezerPlaylists: [{ ...pl, tracks: many }] } } as Catalog);
    // The API's `next` pointing elsewhere (a hostile or broken answer): the client must stay on its configured origin.
    const asked: string[] = [];
    const fetchVia: typeof fetch = async (input, init) => {
      asked.push(String(input));
      const res = await fetch(input, init);
      const text = (await res.text()).replace(/"next":"http:\/\/[^/]+/, '"next":"http://elsewhere.invalid');
      return new Response(text, { status: res.status, headers: res.headers });
    };
    const r = createResolver({ endpoints: standInEndpoints(s), registry: noRegistry, limits: STAND_IN_LIMITS, fetch: fetchVia });
    const l = await listCollection(r.providers, { service: 'deezer', kind: 'playlist', id: String(PLAYLIST_ID), url: 'https://www.deezer.com/playlist/1' });
    expect(asked.some((u) => u.includes('elsewhere'))).toBe(false);
    expect(l.entries).toHaveLength(100);
  });

  it('a Spotify playlist: no keyless API lists it, so the page rows are resolved; without rows it says so', async () => {
    const rows = ALBUM_TRACKS.slice(0, 3).map((t) => ({ title: t.title, artists: ['The Stand-ins'], durationSec: t.duration }));
    const c = await resolveCollection(make(), SPOTIFY_PLAYLIST_URL, { page: { title: 'Road Trip', rows } });
    expect(c).toMatchObject({ kind: 'playlist', source: 'page', title: 'Road Trip' });
    expect(c.tracks.map((t) => t.result?.isrc)).toEqual(['QZAAA2600001', 'QZAAA2600002', 'QZAAA2600003']);
    await expect(resolveCollection(make(), SPOTIFY_PLAYLIST_URL, { page: { title: 'Road Trip', rows: [] } })).rejects.toMatchObject({ code: 'resolver.collection_unreadable' });
    await expect(resolveCollection(make(), SPOTIFY_PLAYLIST_URL)).rejects.toMatchObject({ code: 'resolver.collection_unreadable' });
  });

  it('a deleted album (Deezer 800 "no data"), an unknown Apple album, an empty one: collection_empty, nothing resolved', async () => {
    await expect(resolveCollection(make(), 'https://www.deezer.com/album/999999')).rejects.toMatchObject({ code: 'resolver.collection_empty' });
    await expect(resolveCollection(make(), 'https://music.apple.com/us/album/x/1999999999')).rejects.toMatchObject({ code: 'resolver.collection_empty' });
    const base = albumCatalog(loadCatalog());
    const a = base.collections.deezerAlbums[0];
    if (!a) throw new Error('fixture');
    s.setCatalog({ ...base, collections: { ...base.collections, deezerAlbums: [{ ...a, tracks: [] }] } } as Catalog);
    await expect(resolveCollection(make(), DEEZER_ALBUM)).rejects.toMatchObject({ code: 'resolver.collection_empty' });
    expect(s.deezer.requests.some((r) => r.startsWith('GET /track/'))).toBe(false);
  });

  it('Deezer down while listing: resolver.provider, not "empty"', async () => {
    s.deezer.chaos.failure = '500';
    await expect(resolveCollection(make(), DEEZER_ALBUM)).rejects.toMatchObject({ code: 'resolver.provider' });
  });

  it('an album where no track has an ISRC: tracks match on text, none is verified, none is stored', async () => {
    const base = albumCatalog(loadCatalog());
    const strip = <T extends Record<string, unknown>>(x: T) => {
      const { isrc: _i, ...rest } = x;
      return rest;
    };
    const a = base.collections.deezerAlbums[0];
    if (!a) throw new Error('fixture');
    s.setCatalog({
      ...base,
      tracks: base.tracks.map((t) => ({ ...t, deezer: t.deezer && (strip(t.deezer) as typeof t.deezer) })),
      collections: { ...base.collections, deezerAlbums: [{ ...a, tracks: a.tracks.map(strip) }] },
    });
    const reg = await openRegistry({ localPath: path.join(dir, 'noisrc.db') });
    const c = await resolveCollection(make(reg), DEEZER_ALBUM);
    expect(c.tracks.every((t) => t.isrc === null && t.result?.verified === false)).toBe(true);
    expect(await reg.getByKey(`deezer:${ALBUM_TRACKS[0]?.id}`)).toBeNull();
    await reg.close();
  });
});
