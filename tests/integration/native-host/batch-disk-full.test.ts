/**
 * A full disk mid-batch, for real: the batch folder sits on a tmpfs too small for every file (needs root
 * for `mount`; skipped, saying so, where mounting is not allowed). Finished files stay, no .part is left,
 * the rest is cancelled and the summary names media.disk_full.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchInfo, Event } from '../../../shared/protocol/index.js';
import type { HostServices } from '../../../native-host/services/host-services.js';
import { filesUnder, hostServices, startPlaylistEnv, type PlaylistEnv } from './playlist-env.js';

let env: PlaylistEnv;
let s: HostServices;
let mnt = '';
let mounted = false;
const events: Event[] = [];
beforeAll(async () => {
  env = await startPlaylistEnv(5);
  s = await hostServices(env.home, events);
  mnt = path.join(env.home, 'tiny');
  mkdirSync(mnt);
  // ~1.7 MP3s of 2 s at 192 kbps (48 KB each): the second one hits ENOSPC while ffmpeg writes it.
  mounted = (await execa('mount', ['-t', 'tmpfs', '-o', 'size=80k', 'tmpfs', mnt], { reject: false })).exitCode === 0;
  if (!mounted) console.warn('batch-disk-full: cannot mount a tmpfs here (not root?): skipped');
}, 60_000);
afterAll(async () => {
  await s?.close();
  if (mounted) await execa('umount', [mnt], { reject: false });
  await env?.close();
});

describe('a full disk in the middle of a batch', () => {
  it('stops cleanly: finished files stay, no partial file, the summary says what is done', async (ctx) => {
    if (!mounted) return ctx.skip();
    const feed = await env.feed('full.xml', 'Full', [1, 2, 3, 4, 5].map((i) => ({ title: `Track ${i}`, file: `ep${i}.m4a` })));
    s.config.update({ concurrency: 1 });
    const info = s.batches.submit({ preset: 'mp3-192', folder: ['Full'], outDir: mnt, indexPrefix: true, source: { kind: 'playlist', url: feed } });
    let end: BatchInfo | undefined;
    for (let i = 0; i < 1200 && !end; i++) {
      const ev = events.find((e) => e.event === 'batch.state' && e.batch.id === info.id && ['done', 'failed', 'cancelled'].includes(e.batch.status));
      if (ev?.event === 'batch.state') end = ev.batch;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(end).toMatchObject({ status: 'failed', error: { code: 'media.disk_full' }, done: 1, failed: 1, cancelled: 3 });
    expect(end?.items?.map((it) => [it.index, it.status])).toEqual([
      [2, 'failed'],
      [3, 'cancelled'],
      [4, 'cancelled'],
      [5, 'cancelled'],
    ]);
    const files = await filesUnder(path.join(mnt, 'Full'));
    expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(files).toContain('01 - Track 1.mp3');
    expect(files.filter((f) => f.endsWith('.mp3'))).toEqual(['01 - Track 1.mp3']);
  }, 120_000);

  it('the same in the middle of an album (the album batch: items with album tags into <Album artist>/<Album>/)', async (ctx) => {
    if (!mounted) return ctx.skip();
    await execa('rm', ['-rf', path.join(mnt, 'Full')]);
    s.config.update({ concurrency: 1 });
    const items = [1, 2, 3, 4, 5].map((i) => ({ url: env.url(`ep${i}.m4a`), index: i, title: `Song ${i}`, fileStem: `0${i} - Song ${i}`, tags: { title: `Song ${i}`, artist: 'Band', album: 'Tiny Album', albumArtist: 'Band', track: i, trackTotal: 5, disc: 1, discTotal: 1 } }));
    const info = s.batches.submit({ preset: 'mp3-192', folder: ['Band', 'Tiny Album'], outDir: mnt, indexPrefix: false, source: { kind: 'items', items } });
    let end: BatchInfo | undefined;
    for (let i = 0; i < 1200 && !end; i++) {
      const ev = events.find((e) => e.event === 'batch.state' && e.batch.id === info.id && ['done', 'failed', 'cancelled'].includes(e.batch.status));
      if (ev?.event === 'batch.state') end = ev.batch;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(end).toMatchObject({ status: 'failed', error: { code: 'media.disk_full' }, done: 1, failed: 1, cancelled: 3 });
    const files = await filesUnder(path.join(mnt, 'Band', 'Tiny Album'));
    expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.mp3'))).toEqual(['01 - Song 1.mp3']);
  }, 120_000);
});
