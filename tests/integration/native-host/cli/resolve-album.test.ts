/** CLI contract: `nexstream resolve <album-or-playlist-url> --json` against the stand-ins, through the host's real services. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { main } from '../../../../native-host/cli/index.js';
import { FAKE_YTDLP } from '../../../fixtures/providers/endpoints.js';
import { ALBUM_ID, ALBUM_TRACKS, albumCatalog, writeAlbumCandidates } from '../../../fixtures/providers/albums.js';
import { loadCatalog, startProviders, type StandIns } from '../../../fixtures/providers/servers.js';

const ROUTE = path.resolve(import.meta.dirname, '../../../e2e/support/ytdlp-route.mjs');

const Contract = z.object({
  kind: z.enum(['album', 'playlist']),
  title: z.string(),
  artists: z.array(z.string()),
  tracks: z.array(
    z.object({
      position: z.number().int().positive(),
      disc: z.number().int().positive(),
      title: z.string(),
      artists: z.array(z.string()),
      durationSec: z.number().nullable(),
      isrc: z.string().nullable(),
      verified: z.boolean(),
      match: z.object({ id: z.string(), url: z.string(), title: z.string(), score: z.number() }).nullable(),
    }),
  ),
});

let s: StandIns;
let dir: string;
beforeAll(async () => {
  // LRCLIB knows one album track at the local clip's length (LRCLIB answers only within 2 s of the duration asked).
  s = await startProviders({ ...albumCatalog(loadCatalog()), lyrics: [{ id: 71, trackName: 'Copper Rain', artistName: 'The Stand-ins', albumName: 'Night Signals', duration: 4, instrumental: false, plainLyrics: 'copper rain falls', syncedLyrics: '[00:01.00] copper rain falls' }] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-cli-album-'));
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], home: string, ytdlp?: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    NEXSTREAM_CONFIG_DIR: path.join(home, 'config'),
    NEXSTREAM_DATA_DIR: path.join(home, 'data'),
    NEXSTREAM_LOG_FILE: path.join(home, 'host.log'),
    NEXSTREAM_DEEZER_API: s.deezer.url,
    NEXSTREAM_ITUNES_API: s.itunes.url,
    NEXSTREAM_ODESLI_API: s.odesli.url,
    NEXSTREAM_LRCLIB_URL: s.lrclib.url,
    NEXSTREAM_YTDLP: FAKE_YTDLP,
  };
  const code = await main(args, { stdout, stderr, env: { ...env, ...(ytdlp && { NEXSTREAM_YTDLP: ytdlp }) } });
  return { code, out, err };
}

describe('nexstream resolve <album> --json', () => {
  it('prints the contract with every track matched and exits 0', async () => {
    process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = writeAlbumCandidates(dir);
    const r = await run(['resolve', `https://www.deezer.com/album/${ALBUM_ID}`, '--json'], mkdtempSync(path.join(dir, 'h')));
    expect(r.err).toBe('');
    const c = Contract.parse(JSON.parse(r.out));
    expect(c).toMatchObject({ kind: 'album', title: 'Night Signals', artists: ['The Stand-ins'] });
    expect(c.tracks.map((t) => t.isrc)).toEqual(ALBUM_TRACKS.map((t) => t.isrc));
    expect(c.tracks.every((t) => t.verified && t.match)).toBe(true);
    expect(r.code).toBe(0);
    // The public Odesli limit (10 a minute) is not spent on tracks Deezer already named.
    expect(s.odesli.requests).toHaveLength(0);
  });

  it('exits 3 when some track has no confident match, and says which', async () => {
    const dir2 = mkdtempSync(path.join(dir, 'c'));
    process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = writeAlbumCandidates(dir2);
    // Take the last track's upload away: nothing else resembles it.
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = path.join(dir2, 'album-candidates.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { candidates: { id: string }[] };
    writeFileSync(file, JSON.stringify({ candidates: data.candidates.filter((c) => c.id !== ALBUM_TRACKS[11]?.videoId) }));
    const r = await run(['resolve', `https://www.deezer.com/album/${ALBUM_ID}`, '--json'], mkdtempSync(path.join(dir, 'h')));
    const c = Contract.parse(JSON.parse(r.out));
    expect(c.tracks[11]).toMatchObject({ title: 'Last Broadcast', match: null, verified: false });
    expect(c.tracks.slice(0, 11).every((t) => t.match)).toBe(true);
    expect(r.code).toBe(3);
  });

  it('a deleted album: error JSON with resolver.collection_empty, exit 1', async () => {
    const r = await run(['resolve', 'https://www.deezer.com/album/404404', '--json'], mkdtempSync(path.join(dir, 'h')));
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'resolver.collection_empty' } });
    expect(r.err).toContain('fix:');
    expect(r.code).toBe(1);
  });
});

describe('nexstream download <album> --resolve --preset mp3-320', () => {
  // Every CLI run here shares this process: a probe cached by the previous test names its (closed) media server.
  beforeEach(async () => (await import('../../../../native-host/media/probe-cache.js')).probeCache.clear());
  it('downloads every track as one batch into <Album artist>/<Album>/D-NN - Title.mp3 with album tags and lyrics; a second run skips them all', async () => {
    const { makeMediaSite } = await import('../../../fixtures/make-media.js');
    const { inspectMedia } = await import('../../../fixtures/inspect-media.js');
    const { readdirSync, readFileSync } = await import('node:fs');
    process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = writeAlbumCandidates(mkdtempSync(path.join(dir, 'd')));
    const site = await makeMediaSite();
    const home = mkdtempSync(path.join(dir, 'h'));
    // The matches are YouTube links: the e2e yt-dlp route sends searches to the fake and watch links to local media.
    process.env.NEXSTREAM_E2E_WATCH_URL = site.url('page.html');
    try {
      const out = path.join(home, 'out');
      const argv = ['download', `https://www.deezer.com/album/${ALBUM_ID}`, '--resolve', '--preset', 'mp3-320', '--json', '--out', out];
      const r = await run(argv, home, ROUTE);
      const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[0]).toMatchObject({ type: 'album', title: 'Night Signals', count: 12, unmatched: [] });
      const folder = path.join(out, 'The Stand-ins', 'Night Signals');
      expect(lines.at(-1)).toMatchObject({ type: 'done', failed: 0, skipped: 0, unmatched: 0, m3u8: path.join(folder, 'Night Signals.m3u8') });
      const items = lines.filter((l) => l.type === 'item');
      expect(items.map((l) => l.item).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(items.every((l) => l.status === 'done' && typeof l.path === 'string')).toBe(true);
      // Progress lines name their item: the batch job's per-item lines, not a single job's.
      expect(lines.some((l) => l.type === 'progress' && typeof l.item === 'number')).toBe(true);
      expect(r.code).toBe(0);
      const files = readdirSync(folder).sort();
      expect(files).toHaveLength(13);
      expect(files[0]).toBe('1-01 - Opening Lights.mp3');
      expect(files[11]).toBe('2-06 - Last Broadcast.mp3');
      expect(files[12]).toBe('Night Signals.m3u8');
      const m3u = readFileSync(path.join(folder, 'Night Signals.m3u8'), 'utf8').split('\n');
      expect(m3u.filter((l) => l.endsWith('.mp3'))).toEqual(files.slice(0, 12));
      const tags = (await inspectMedia(path.join(folder, '2-02 - Copper Rain.mp3'))).tags;
      expect(tags).toMatchObject({ title: 'Copper Rain', album: 'Night Signals', album_artist: 'The Stand-ins', track: '2/12', disc: '2/2', genre: 'Electro', compilation: '0', tsrc: 'QZAAA2600008', date: '2026-03-06', 'lyrics-eng': '[00:01.00] copper rain falls' });
      const other = (await inspectMedia(path.join(folder, '1-01 - Opening Lights.mp3'))).tags;
      expect(Object.keys(other).some((k) => k.startsWith('lyrics'))).toBe(false);
      expect(s.lrclib.userAgents.every((ua) => ua.includes('NexStream'))).toBe(true);

      // The same album into the same folder again: the archive skips every track, nothing is rewritten.
      const again = await run(argv, home, ROUTE);
      const l2 = again.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(l2.at(-1)).toMatchObject({ type: 'done', failed: 0, skipped: 12 });
      expect(l2.filter((l) => l.type === 'item' && l.status === 'skipped')).toHaveLength(12);
      expect(again.code).toBe(0);
      expect(readdirSync(folder).sort()).toEqual(files);
    } finally {
      delete process.env.NEXSTREAM_E2E_WATCH_URL;
      await site.close();
    }
  }, 240_000);

  it('a track with no confident match is listed, the rest download, exit 5', async () => {
    const { makeMedia } = await import('../../../fixtures/make-media.js');
    const { startMediaServer } = await import('../../../fixtures/media-server.js');
    const { readFileSync, readdirSync, writeFileSync } = await import('node:fs');
    const dir2 = mkdtempSync(path.join(dir, 'u'));
    process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = writeAlbumCandidates(dir2);
    const file = path.join(dir2, 'album-candidates.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { candidates: { id: string }[] };
    writeFileSync(file, JSON.stringify({ candidates: data.candidates.filter((c) => c.id !== ALBUM_TRACKS[0]?.videoId) }));
    const media = mkdtempSync(path.join(dir, 'm'));
    await makeMedia(media, 'audio-only');
    const site = await startMediaServer(media);
    const home = mkdtempSync(path.join(dir, 'h'));
    process.env.NEXSTREAM_E2E_WATCH_URL = new URL('audio-only.m4a', site.url).href;
    try {
      const out = path.join(home, 'out');
      const r = await run(['download', `https://www.deezer.com/album/${ALBUM_ID}`, '--resolve', '--preset', 'mp3-192', '--json', '--out', out], home, ROUTE);
      const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[0]).toMatchObject({ type: 'album', count: 12, unmatched: [{ position: 1, disc: 1, title: 'Opening Lights' }] });
      expect(lines.filter((l) => l.type === 'item' && l.status !== 'done')).toEqual([]);
      expect(lines.at(-1)).toMatchObject({ type: 'done', failed: 0, skipped: 0, unmatched: 1 });
      expect(r.code).toBe(5);
      const files = readdirSync(path.join(out, 'The Stand-ins', 'Night Signals')).filter((f) => f.endsWith('.mp3'));
      expect(files).toHaveLength(11);
      expect(files).not.toContain('1-01 - Opening Lights.mp3');
    } finally {
      delete process.env.NEXSTREAM_E2E_WATCH_URL;
      await site.close();
    }
  }, 240_000);
});
