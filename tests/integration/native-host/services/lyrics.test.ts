/** Lyrics from the LRCLIB stand-in: the client's rules, and a single-track download through the host's services that embeds them. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lrclib } from '../../../../native-host/resolver/lrclib.js';
import { createServices } from '../../../../native-host/services/host-services.js';
import { loadMediaApi } from '../../../../native-host/services/media-binding.js';
import type { Event } from '../../../../shared/protocol/index.js';
import { inspectMedia } from '../../../fixtures/inspect-media.js';
import { makeMediaSite, type MediaSite } from '../../../fixtures/make-media.js';
import { loadCatalog, startProviders, type LrclibRecord, type StandIns } from '../../../fixtures/providers/servers.js';

const SYNCED = '[00:00.50] First line\n[00:02.00] Second line';
const record = (over: Partial<LrclibRecord>): LrclibRecord => ({ id: 1, trackName: 'Copper Rain', artistName: 'The Stand-ins', albumName: 'Night Signals', duration: 4, instrumental: false, plainLyrics: 'First line\nSecond line', syncedLyrics: SYNCED, ...over });

let s: StandIns;
let site: MediaSite;
let dir: string;
beforeAll(async () => {
  [s, site] = await Promise.all([
    startProviders({
      ...loadCatalog(),
      lyrics: [record({}), record({ id: 2, trackName: 'Plain Only', syncedLyrics: null }), record({ id: 3, trackName: 'Interlude', instrumental: true, plainLyrics: null, syncedLyrics: null }), record({ id: 4, trackName: 'Long One', duration: 300 })],
    }),
    makeMediaSite(),
  ]);
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-lyrics-'));
});
afterAll(async () => {
  await Promise.all([s?.close(), site?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('LRCLIB client', () => {
  const lrclib = () => new Lrclib({ baseUrl: s.lrclib.url });
  it('synced lyrics win; the query carries name, artist, album and duration; the User-Agent names NexStream', async () => {
    const r = await lrclib().get({ title: 'Copper Rain', artist: 'The Stand-ins', album: 'Night Signals', durationSec: 4.4 });
    expect(r).toEqual({ ok: true, value: { text: SYNCED, synced: true } });
    expect(s.lrclib.requests.at(-1)).toBe('GET /api/get?track_name=Copper+Rain&artist_name=The+Stand-ins&duration=4&album_name=Night+Signals');
    expect(s.lrclib.userAgents.at(-1)).toMatch(/^NexStream\/\d+\.\d+\.\d+ /);
  });
  it('plain when there is no synced text; instrumental, a 404 and a duration off by more than 2 s give none', async () => {
    expect(await lrclib().get({ title: 'Plain Only', artist: 'The Stand-ins', durationSec: 4 })).toMatchObject({ ok: true, value: { synced: false, text: 'First line\nSecond line' } });
    expect(await lrclib().get({ title: 'Interlude', artist: 'The Stand-ins', durationSec: 4 })).toMatchObject({ ok: false, error: { reason: 'not_found' } });
    expect(await lrclib().get({ title: 'Nope', artist: 'Nobody', durationSec: 4 })).toMatchObject({ ok: false, error: { reason: 'not_found' } });
    expect(await lrclib().get({ title: 'Long One', artist: 'The Stand-ins', durationSec: 303 })).toMatchObject({ ok: false, error: { reason: 'not_found' } });
  });
});

describe('single-track downloads get lyrics', () => {
  async function downloadWith(env: Record<string, string>, preset: 'mp3-320' | 'm4a', tags = { title: 'Copper Rain', artist: 'The Stand-ins', album: 'Night Signals' }) {
    const home = mkdtempSync(path.join(dir, 'h'));
    let settle: (ev: Event) => void = () => {};
    const done = new Promise<Event>((r) => (settle = r));
    const services = createServices({
      env: { PATH: process.env.PATH, HOME: home, NEXSTREAM_CONFIG_DIR: path.join(home, 'c'), NEXSTREAM_DATA_DIR: path.join(home, 'd'), NEXSTREAM_LRCLIB_URL: s.lrclib.url, ...env },
      media: await loadMediaApi(),
      emit: (ev) => (ev.event === 'job.done' || ev.event === 'job.failed') && settle(ev),
    });
    try {
      services.jobs.submit({ url: site.url('page.html'), preset, outDir: path.join(home, 'out'), tags });
      const ev = await done;
      if (ev.event !== 'job.done') throw new Error(JSON.stringify(ev));
      return (await inspectMedia(ev.path)).tags;
    } finally {
      await services.close();
    }
  }

  it('an MP3 gets the synced lyrics as USLT, an M4A as ©lyr', async () => {
    expect((await downloadWith({}, 'mp3-320'))['lyrics-eng']).toBe(SYNCED);
    expect((await downloadWith({}, 'm4a')).lyrics).toBe(SYNCED);
  });

  it('the option off (NEXSTREAM_LYRICS=0): LRCLIB is not asked, nothing embedded', async () => {
    const before = s.lrclib.requests.length;
    const tags = await downloadWith({ NEXSTREAM_LYRICS: '0' }, 'mp3-320');
    expect(Object.keys(tags).some((k) => k.startsWith('lyrics'))).toBe(false);
    expect(s.lrclib.requests.length).toBe(before);
  });

  it('LRCLIB down: the download still succeeds, without lyrics', async () => {
    s.lrclib.chaos.failure = '500';
    try {
      const tags = await downloadWith({}, 'mp3-320');
      expect(tags.title).toBe('Copper Rain');
      expect(Object.keys(tags).some((k) => k.startsWith('lyrics'))).toBe(false);
    } finally {
      s.lrclib.chaos.failure = null;
    }
  });
});
