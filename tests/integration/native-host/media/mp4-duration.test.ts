/**
 * The MP4 movie-header read (native-host/media/mp4-duration.ts) against the real ffprobe on files the
 * real ffmpeg writes: the same number for every MP4/M4A shape the pipeline makes (faststart or not,
 * cover art, cut short), null (so ffprobe decides) for fragmented MP4, other containers and broken files.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectMedia } from '../../../fixtures/inspect-media.js';
import { mp4Duration } from '../../../../native-host/media/mp4-duration.js';

let dir: string;
const ff = (args: string[]) => execa('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { cwd: dir });
const ffprobe = async (file: string) => (await inspectMedia(file)).durationSec;
const at = (name: string) => path.join(dir, name);
const VIDEO = ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=7', '-f', 'lavfi', '-i', 'sine=duration=6.5', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac'];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-mp4dur-'));
  await Promise.all([
    ff([...VIDEO, '-movflags', '+faststart', 'fast.mp4']),
    ff([...VIDEO, 'tail.mp4']),
    ff(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=5', '-c:a', 'aac', '-f', 'ipod', 'a.m4a.nexstream.part']),
    ff(['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4', '-c:v', 'libx264', '-preset', 'ultrafast', '-movflags', 'frag_keyframe+empty_moov', 'frag.mp4']),
    ff(['-f', 'lavfi', '-i', 'sine=duration=3', '-c:a', 'libmp3lame', 'a.mp3']),
  ]);
  await Promise.all([
    ff(['-i', 'fast.mp4', '-f', 'lavfi', '-i', 'testsrc=size=64x64:duration=1', '-map', '0', '-map', '1:v', '-c:v:0', 'copy', '-c:v:1', 'mjpeg', '-disposition:v:1', 'attached_pic', '-c:a', 'copy', '-movflags', '+faststart', 'cover.mp4']),
    ff(['-t', '2.5', '-i', 'fast.mp4', '-c', 'copy', '-movflags', '+faststart', 'cut.mp4']),
  ]);
  // An upload that stopped mid-file: no movie header at the end.
  writeFileSync(at('broken.mp4'), readFileSync(at('tail.mp4')).subarray(0, 60_000));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mp4Duration', () => {
  it.each(['fast.mp4', 'tail.mp4', 'a.m4a.nexstream.part', 'cover.mp4', 'cut.mp4'])('%s: what ffprobe says', async (name) => {
    const own = await mp4Duration(at(name));
    expect(own).not.toBeNull();
    expect(own).toBeCloseTo(await ffprobe(at(name)), 3);
  });

  it('leaves fragmented MP4, other containers and broken or missing files to ffprobe', async () => {
    expect(await mp4Duration(at('frag.mp4'))).toBeNull();
    expect(await mp4Duration(at('a.mp3'))).toBeNull();
    expect(await mp4Duration(at('broken.mp4'))).toBeNull();
    expect(await mp4Duration(at('missing.mp4'))).toBeNull();
    writeFileSync(at('tiny.mp4'), Buffer.from([0, 0, 0, 8, 0x66, 0x74, 0x79]));
    expect(await mp4Duration(at('tiny.mp4'))).toBeNull();
  });
});
