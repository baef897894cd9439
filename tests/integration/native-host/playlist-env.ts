/** Set-up shared by the playlist suites: real clips (ffmpeg lavfi), feeds and a multi-video page on 127.0.0.1, real host services. */
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Event } from '../../../shared/protocol/index.js';
import { makeMedia } from '../../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../../fixtures/media-server.js';
import { multiVideoPage, writeFeed, type FeedItem } from '../../fixtures/podcast-feed.js';
import { createServices, type HostServices } from '../../../native-host/services/host-services.js';
import { loadMediaApi } from '../../../native-host/services/media-binding.js';

export interface PlaylistEnv {
  dir: string;
  home: string;
  server: MediaServer;
  url: (p: string) => string;
  feed: (name: string, title: string, items: FeedItem[]) => Promise<string>;
  close(): Promise<void>;
}

/** `clips` audio files ep1.m4a..epN.m4a (2 s each), a video page with two clips, served on 127.0.0.1. */
export async function startPlaylistEnv(clips = 5): Promise<PlaylistEnv> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nexstream-pl-'));
  const home = await mkdtemp(path.join(os.tmpdir(), 'nexstream-pl-home-'));
  await Promise.all([makeMedia(dir, 'audio-only', { durationSec: 2, title: 'Feed Clip' }), makeMedia(dir, 'direct-mp4', { durationSec: 2, title: 'Page Clip' })]);
  for (let i = 1; i <= clips; i++) await copyFile(path.join(dir, 'audio-only.m4a'), path.join(dir, `ep${i}.m4a`));
  await writeFile(path.join(dir, 'videos.html'), multiVideoPage('Two Videos', ['direct.mp4', 'ep1.m4a']));
  const server = await startMediaServer(dir);
  return {
    dir,
    home,
    server,
    url: (p) => new URL(p, server.url).href,
    feed: (name, title, items) => writeFeed(dir, name, title, server.url, items),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
      await rm(home, { recursive: true, force: true });
    },
  };
}

export async function hostServices(home: string, events: Event[] = []): Promise<HostServices> {
  return createServices({ env: { PATH: process.env.PATH ?? '', HOME: home, NEXSTREAM_DATA_DIR: path.join(home, 'data') }, media: await loadMediaApi(), emit: (e) => void events.push(e) });
}

/** Every file under `dir`, relative, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return out.map(String).sort();
}
