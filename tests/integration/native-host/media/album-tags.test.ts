/** Album tags and lyrics in every audio container, written by the real pipeline (ffmpeg) and read back by ffprobe. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverTools, download, probe } from '../../../../native-host/media/index.js';
import type { ProbeDetail, Tools } from '../../../../native-host/media/types.js';
import type { PresetId, TrackTags } from '../../../../shared/protocol/index.js';
import { inspectMedia } from '../../../fixtures/inspect-media.js';
import { makeMediaSite, type MediaSite } from '../../../fixtures/make-media.js';

let site: MediaSite;
let tools: Tools;
let detail: ProbeDetail;
let out: string;
beforeAll(async () => {
  [site, tools] = await Promise.all([makeMediaSite(), discoverTools()]);
  detail = await probe(site.url('page.html'), tools, { noCache: true });
});
afterAll(async () => {
  await site?.close();
});
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'nexstream-album-tags-'));
  return () => rm(out, { recursive: true, force: true });
});

const TAGS: TrackTags = { title: 'Copper Rain', artist: 'The Stand-ins', album: 'Night Signals', albumArtist: 'The Stand-ins', date: '2026-03-06', track: 2, trackTotal: 6, disc: 2, discTotal: 2, genre: 'Electro', compilation: true, isrc: 'QZAAA2600008' };
const LRC = '[00:01.00]Copper rain on the wire\n[00:02.50]Falling through the static';

describe('album tags and lyrics, ffprobe-verified', () => {
  it.each<[PresetId, Record<string, string>]>([
    // ID3v2.3: TRCK n/N, TPOS n/N, TCON, TCMP, TSRC, USLT (ffprobe names a USLT frame "lyrics-<lang>").
    ['mp3-320', { track: '2/6', disc: '2/2', genre: 'Electro', compilation: '1', tsrc: 'QZAAA2600008', 'lyrics-eng': LRC, album_artist: 'The Stand-ins' }],
    // MP4: trkn, disk, ©gen, cpil, ©lyr.
    ['m4a', { track: '2/6', disc: '2/2', genre: 'Electro', compilation: '1', lyrics: LRC, album_artist: 'The Stand-ins' }],
    // Vorbis comments: TRACKNUMBER/TRACKTOTAL, DISCNUMBER/DISCTOTAL, GENRE, COMPILATION, LYRICS, ISRC.
    ['flac', { track: '2', tracktotal: '6', disc: '2', disctotal: '2', genre: 'Electro', compilation: '1', lyrics: LRC, isrc: 'QZAAA2600008' }],
    ['opus', { track: '2', tracktotal: '6', disc: '2', disctotal: '2', genre: 'Electro', compilation: '1', lyrics: LRC, isrc: 'QZAAA2600008' }],
  ])('%s', async (preset, want) => {
    const r = await download({ url: site.url('page.html'), preset, outDir: out, tags: TAGS, fileStem: '2-02 - Copper Rain', lyrics: LRC }, tools, {}, detail);
    expect(path.basename(r.path)).toMatch(/^2-02 - Copper Rain\.(mp3|m4a|flac|opus)$/);
    const facts = await inspectMedia(r.path);
    expect(facts.tags).toMatchObject(want);
    if (preset === 'mp3-320') {
      // A real USLT frame, not ffmpeg's TXXX fallback.
      const head = (await readFile(r.path)).subarray(0, 4096).toString('latin1');
      expect(head).toContain('USLT');
      expect(head).not.toContain('TXXX');
    }
  });

  it('without lyrics nothing lyric-like is written, and the track stays n/N', async () => {
    const r = await download({ url: site.url('page.html'), preset: 'mp3-320', outDir: out, tags: { ...TAGS, compilation: false } }, tools, {}, detail);
    const facts = await inspectMedia(r.path);
    expect(Object.keys(facts.tags).some((k) => k.startsWith('lyrics'))).toBe(false);
    expect(facts.tags).toMatchObject({ track: '2/6', compilation: '0', title: 'Copper Rain' });
  });
});
