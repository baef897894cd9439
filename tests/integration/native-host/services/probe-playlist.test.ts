/**
 * How many yt-dlp starts a probe costs: a single video one (no playlist listing beside it), a page
 * yt-dlp answers as a playlist (several videos, a feed) the probe plus one listing. Real yt-dlp behind a
 * counting wrapper (each start appends its argv to a log), on local media.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeCache } from '../../../../native-host/media/probe-cache.js';
import { playlistStore } from '../../../../native-host/media/playlist-store.js';
import { createServices, type HostServices } from '../../../../native-host/services/host-services.js';
import { loadMediaApi } from '../../../../native-host/services/media-binding.js';
import { downloadListing, probeWithPlaylist } from '../../../../native-host/services/probe-playlist.js';
import { startPlaylistEnv, type PlaylistEnv } from '../playlist-env.js';

let env: PlaylistEnv;
let s: HostServices;
let log: string;
beforeAll(async () => {
  env = await startPlaylistEnv(3);
  log = path.join(env.home, 'starts.log');
  const bin = path.join(env.home, 'yt-dlp-counting');
  writeFileSync(bin, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec yt-dlp "$@"\n`);
  chmodSync(bin, 0o755);
  s = createServices({ env: { PATH: process.env.PATH ?? '', HOME: env.home, NEXSTREAM_DATA_DIR: path.join(env.home, 'data'), NEXSTREAM_YTDLP: bin }, media: await loadMediaApi(), emit: () => {} });
  await s.media.tools();
}, 60_000);
afterAll(async () => {
  await s?.close();
  await env?.close();
});
beforeEach(() => {
  probeCache.clear();
  playlistStore.clear();
  writeFileSync(log, '');
});

/** The yt-dlp runs since the test began that looked at a URL (-J probe or -j listing), not `--version`. */
const starts = (): string[] => readFileSync(log, 'utf8').split('\n').filter((l) => / -[jJ] /.test(` ${l} `));

describe('yt-dlp starts per probe', () => {
  it('a single video: one start, no listing', async () => {
    const r = await probeWithPlaylist(s.media, env.url('direct.mp4'), { log: () => {} });
    expect(r.playlist).toBeUndefined();
    expect(r.formats.length).toBeGreaterThan(0);
    expect(starts()).toHaveLength(1);
    expect(starts()[0]).toContain('--no-playlist');
  }, 60_000);

  it('a page with several videos (no hint in its URL): the probe meets the playlist, then one listing', async () => {
    const r = await probeWithPlaylist(s.media, env.url('videos.html'), { log: () => {} });
    expect(r.playlist).toMatchObject({ title: 'Two Videos', count: 2 });
    expect(r.playlist?.entries.map((e) => e.index)).toEqual([1, 2]);
    expect(r.formats.length).toBeGreaterThan(0);
    const runs = starts();
    expect(runs).toHaveLength(2);
    expect(runs.filter((l) => l.includes('--flat-playlist'))).toHaveLength(1);
  }, 60_000);

  it('a feed URL (.xml names a list): listed beside the probe, "This playlist (N items)" as before', async () => {
    const url = await env.feed('feed.xml', 'Counted Feed', [1, 2, 3].map((i) => ({ title: `Episode ${i}`, file: `ep${i}.m4a` })));
    const r = await probeWithPlaylist(s.media, url, { log: () => {} });
    expect(r.playlist).toMatchObject({ title: 'Counted Feed', count: 3 });
    expect(r.title).toBe('Episode 1');
    expect(starts().filter((l) => l.includes('--flat-playlist'))).toHaveLength(1);
  }, 60_000);

  it('the CLI download path: a single video is one warm probe and no listing; a multi-video page is listed', async () => {
    expect(await downloadListing(s.media, env.url('direct.mp4'), { log: () => {}, warm: true })).toBeNull();
    expect(starts()).toHaveLength(1);
    writeFileSync(log, '');
    const l = await downloadListing(s.media, env.url('videos.html'), { log: () => {}, warm: true });
    expect(l?.entries).toHaveLength(2);
  }, 60_000);

  it('the CLI download of a feed URL lists it alone: no -J that would resolve every entry before the batch probes them', async () => {
    const url = await env.feed('dl.xml', 'Download Feed', [1, 2, 3].map((i) => ({ title: `Episode ${i}`, file: `ep${i}.m4a` })));
    const l = await downloadListing(s.media, url, { log: () => {}, warm: true });
    expect(l?.entries).toHaveLength(3);
    expect(starts()).toHaveLength(1);
    expect(starts()[0]).toContain('--flat-playlist');
  }, 60_000);

  it('a dead URL: the probe fails, the listing is tried once, the probe error is what the caller sees', async () => {
    await expect(probeWithPlaylist(s.media, env.url('missing.mp4'), { log: () => {} })).rejects.toMatchObject({ code: expect.stringMatching(/^media\./) });
    expect(starts().length).toBeLessThanOrEqual(2);
  }, 60_000);
});
