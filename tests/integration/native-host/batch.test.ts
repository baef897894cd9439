/** Batch jobs end to end on the host services: real yt-dlp + ffmpeg on a local feed, the local library, the .m3u8. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchInfo, Event } from '../../../shared/protocol/index.js';
import type { HostServices } from '../../../native-host/services/host-services.js';
import { filesUnder, hostServices, startPlaylistEnv, type PlaylistEnv } from './playlist-env.js';

let env: PlaylistEnv;
let s: HostServices;
const events: Event[] = [];
beforeAll(async () => {
  env = await startPlaylistEnv(4);
  s = await hostServices(env.home, events);
}, 60_000);
afterAll(async () => {
  await s?.close();
  await env?.close();
});

async function finished(id: string, ms = 120_000): Promise<BatchInfo> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ev = events.find((e) => e.event === 'batch.state' && e.batch.id === id && ['done', 'failed', 'cancelled'].includes(e.batch.status));
    if (ev && ev.event === 'batch.state') return ev.batch;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`batch ${id} did not finish`);
}

describe('batch of a podcast feed', () => {
  let feed: string;
  let out: string;
  beforeAll(async () => {
    feed = await env.feed('mixed.xml', 'Mixed Feed', [
      { title: 'Same', file: 'ep1.m4a' },
      { title: 'Same', file: 'ep2.m4a' },
      { title: 'Gone', file: 'missing.m4a' },
      { title: 'Again', file: 'ep1.m4a' },
      { title: 'Four', file: 'ep4.m4a' },
    ]);
    out = path.join(env.home, 'out');
  });

  it('downloads each entry, fails the dead one alone, skips the duplicate, names same titles apart, writes the .m3u8', async () => {
    const info = s.batches.submit({ preset: 'mp3-192', folder: ['Mixed Feed'], outDir: out, source: { kind: 'playlist', url: feed } });
    const end = await finished(info.id);
    const folder = path.join(out, 'Mixed Feed');
    expect(end).toMatchObject({ status: 'done', total: 5, done: 3, failed: 1, skipped: 1, cancelled: 0 });
    expect(end.items?.map((i) => [i.index, i.status, i.error?.code])).toEqual([[3, 'failed', 'media.unavailable']]);
    expect(await filesUnder(folder)).toEqual(['Four.mp3', 'Mixed Feed.m3u8', 'Same (2).mp3', 'Same.mp3']);
    const dup = events.find((e) => e.event === 'batch.item' && e.jobId === info.id && e.item.index === 4 && e.item.status === 'skipped');
    expect(dup?.event === 'batch.item' && dup.item.reason).toBe('duplicate');
    const m3u = readFileSync(path.join(folder, 'Mixed Feed.m3u8'), 'utf8').split('\n');
    expect(m3u.filter((l) => l && !l.startsWith('#'))).toEqual(['Same.mp3', 'Same (2).mp3', 'Four.mp3']);
    expect(end.bytes).toBeGreaterThan(0);
    // Each download also lands in the Recent list.
    const lib = await s.library();
    expect((await lib?.recent())?.filter((r) => r.batchId === info.id)).toHaveLength(3);
  }, 180_000);

  it('a second run into the same folder skips what is there (download archive), and retries only the failed', async () => {
    const info = s.batches.submit({ preset: 'mp3-192', folder: ['Mixed Feed'], outDir: out, source: { kind: 'playlist', url: feed } });
    const end = await finished(info.id);
    expect(end).toMatchObject({ done: 0, failed: 1, skipped: 4 });
    expect(await filesUnder(path.join(out, 'Mixed Feed'))).toEqual(['Four.mp3', 'Mixed Feed.m3u8', 'Same (2).mp3', 'Same.mp3']);
    const retry = s.batches.retry(info.id);
    const again = await finished(retry.id);
    expect(again).toMatchObject({ total: 1, failed: 1 });
  }, 120_000);

  it('index prefixes, a chosen subset, and one item cancelled mid-download leaving nothing behind', async () => {
    const slow = await env.feed('slow.xml', 'Slow Feed', [
      { title: 'One', file: 'ep1.m4a' },
      { title: 'Two', file: 'ep2.m4a?throttle=4000' },
      { title: 'Three', file: 'ep3.m4a' },
      { title: 'Four', file: 'ep4.m4a' },
    ]);
    const info = s.batches.submit({ preset: 'mp3-192', folder: ['Slow Feed'], outDir: out, indexPrefix: true, source: { kind: 'playlist', url: slow, indices: [1, 2, 4] } });
    const deadline = Date.now() + 60_000;
    while (!events.some((e) => e.event === 'batch.item' && e.jobId === info.id && e.item.index === 2 && e.item.status === 'running' && e.item.jobId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Cancel once ffmpeg is writing the item's .part (after yt-dlp's probe of the slow URL).
    const hasPart = async () => (await filesUnder(path.join(out, 'Slow Feed'))).some((f) => f.startsWith('02 - Two.') && f.endsWith('.part'));
    while (!(await hasPart()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await hasPart()).toBe(true);
    expect(s.batches.cancel(info.id, 2)).toBe(true);
    const end = await finished(info.id);
    expect(end).toMatchObject({ total: 3, done: 2, cancelled: 1, failed: 0 });
    expect(await filesUnder(path.join(out, 'Slow Feed'))).toEqual(['01 - One.mp3', '04 - Four.mp3', 'Slow Feed.m3u8']);
  }, 120_000);

  it('an empty playlist fails the batch with media.empty_playlist', async () => {
    const url = await env.feed('empty2.xml', 'Nothing', []);
    const info = s.batches.submit({ preset: 'mp3-192', folder: ['Nothing'], outDir: out, source: { kind: 'playlist', url } });
    const end = await finished(info.id);
    expect(end).toMatchObject({ status: 'failed', total: 0, error: { code: 'media.empty_playlist' } });
    expect(existsSync(path.join(out, 'Nothing'))).toBe(false);
  }, 60_000);
});
