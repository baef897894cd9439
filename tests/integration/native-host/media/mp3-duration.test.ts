/**
 * The MP3 Xing/Info read (native-host/media/mp3-duration.ts) against the real ffprobe on files the real
 * ffmpeg writes: within one frame of ffprobe for every MP3 shape the pipeline makes (CBR and VBR, stereo and
 * mono, MPEG-1 and MPEG-2 rates, ID3 tags with a cover, cut short); null (so ffprobe decides) without a Xing
 * tag, for other containers and for broken or missing files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectMedia } from '../../../fixtures/inspect-media.js';
import { mp3Duration } from '../../../../native-host/media/mp3-duration.js';

let dir: string;
const ff = (args: string[]) => execa('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { cwd: dir });
const ffprobe = async (file: string) => (await inspectMedia(file)).durationSec;
const at = (name: string) => path.join(dir, name);
const sine = (sec: number, rate = 44100) => ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${rate}:duration=${sec}`];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-mp3dur-'));
  await Promise.all([
    ff([...sine(6.5), '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '320k', '-metadata', 'title=T', '-metadata', 'artist=A', 'cbr.mp3']),
    ff([...sine(5, 48000), '-ac', '1', '-c:a', 'libmp3lame', '-q:a', '2', 'vbr-mono.mp3']),
    ff([...sine(4, 22050), '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '64k', 'mpeg2.mp3']),
    ff([...sine(3), '-c:a', 'libmp3lame', '-write_xing', '0', 'no-xing.mp3']),
    ff([...sine(3), '-c:a', 'aac', 'a.m4a']),
  ]);
  await Promise.all([
    ff(['-i', 'cbr.mp3', '-f', 'lavfi', '-i', 'testsrc=size=300x300:duration=1', '-map', '0:a', '-map', '1:v', '-c:a', 'copy', '-c:v', 'mjpeg', '-frames:v', '1', '-disposition:v', 'attached_pic', '-id3v2_version', '3', 'cover.mp3']),
    ff(['-t', '2.5', '-i', 'cbr.mp3', '-c:a', 'libmp3lame', '-b:a', '320k', 'cut.mp3']),
  ]);
  writeFileSync(at('broken.mp3'), readFileSync(at('cover.mp3')).subarray(0, 200));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mp3Duration', () => {
  it.each(['cbr.mp3', 'vbr-mono.mp3', 'mpeg2.mp3', 'cover.mp3', 'cut.mp3'])('%s: what ffprobe says, within one frame', async (name) => {
    const own = await mp3Duration(at(name));
    expect(own).not.toBeNull();
    expect(Math.abs((own ?? 0) - (await ffprobe(at(name))))).toBeLessThan(0.05);
  });

  it('a file cut short declares the shorter duration (the completeness check sees it)', async () => {
    expect(await mp3Duration(at('cut.mp3'))).toBeLessThan(3);
  });

  it('leaves MP3s without a Xing frame count, other containers and broken or missing files to ffprobe', async () => {
    expect(await mp3Duration(at('no-xing.mp3'))).toBeNull();
    expect(await mp3Duration(at('a.m4a'))).toBeNull();
    expect(await mp3Duration(at('broken.mp3'))).toBeNull();
    expect(await mp3Duration(at('missing.mp3'))).toBeNull();
  });
});
