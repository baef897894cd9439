/**
 * Issue 10's bad input on the video side, through the CLI contract: a deleted playlist (the feed is gone,
 * HTTP 404) and a private one (HTTP 403 without the owner's cookie) give a clear error and exit 1, and
 * leave nothing on disk. Real yt-dlp/ffmpeg, media on 127.0.0.1, the CLI run in this process.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../native-host/cli/index.js';
import { startMediaServer, type MediaServer } from '../../fixtures/media-server.js';
import { writeFeed } from '../../fixtures/podcast-feed.js';
import { probeWithPlaylist } from '../../../native-host/services/probe-playlist.js';
import { filesUnder, hostServices, startPlaylistEnv, type PlaylistEnv } from './playlist-env.js';

let env: PlaylistEnv;
let gated: MediaServer;
beforeAll(async () => {
  env = await startPlaylistEnv(2);
  // The same files behind a sign-in: /private/ answers 403 without the owner's cookie.
  gated = await startMediaServer(env.dir, { cookieGate: { prefix: '/private/', name: 'session', value: 'owner' } });
  await mkdir(path.join(env.dir, 'private'));
  await writeFeed(path.join(env.dir, 'private'), 'feed.xml', 'Members Only', gated.url, [{ title: 'One', file: 'ep1.m4a' }]);
}, 60_000);
afterAll(async () => {
  await gated?.close();
  await env?.close();
});

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const home = env.home;
  const code = await main(args, { stdout, stderr: new PassThrough(), env: { PATH: process.env.PATH, HOME: home, NEXSTREAM_CONFIG_DIR: path.join(home, 'config'), NEXSTREAM_DATA_DIR: path.join(home, 'data'), NEXSTREAM_LOG_FILE: path.join(home, 'host.log') } });
  return { code, out };
}

describe('bad playlists', () => {
  it.each([
    ['deleted (404)', () => env.url('gone.xml')],
    ['private (403)', () => new URL('private/feed.xml', gated.url).href],
  ])('a %s playlist: an error line with a media code, exit 1, nothing written', async (_name, url) => {
    const out = path.join(env.home, `out-${_name.slice(0, 3)}`);
    const r = await cli(['download', url(), '--preset', 'mp3-192', '--out', out, '--json']);
    const last = JSON.parse(r.out.trim().split('\n').at(-1) ?? '{}') as { type?: string; code?: string };
    expect(last).toMatchObject({ type: 'error', code: expect.stringMatching(/^media\./) });
    expect(r.code).toBe(1);
    expect(await filesUnder(out)).toEqual([]);
  }, 120_000);

  it('the popup probe of a deleted playlist rejects with a media code (no playlist offered, no crash)', async () => {
    const s = await hostServices(env.home);
    try {
      await expect(probeWithPlaylist(s.media, env.url('gone.xml'), { log: () => {} })).rejects.toMatchObject({ code: expect.stringMatching(/^media\./) });
    } finally {
      await s.close();
    }
  }, 60_000);
});
