/** The last gate before the rename, with the real ffprobe: a short file is media.truncated, a whole one passes. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertComplete, outputDuration } from '../../../../native-host/media/verify-output.js';

const tools = { ffprobe: process.env.NEXSTREAM_FFPROBE ?? 'ffprobe' };
let dir: string;
let clip: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-verify-'));
  clip = path.join(dir, 'short.m4a.nexstream.part');
  await execa('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=5', '-c:a', 'aac', '-f', 'ipod', clip]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assertComplete', () => {
  it('passes a file as long as the source (within 1 s), fails a shorter one, skips an unknown duration', async () => {
    expect(await outputDuration(clip, tools)).toBeCloseTo(5, 0);
    await expect(assertComplete(clip, 5.8, tools)).resolves.toBeUndefined();
    await expect(assertComplete(clip, null, tools)).resolves.toBeUndefined();
    await expect(assertComplete(clip, 20, tools)).rejects.toMatchObject({ code: 'media.truncated', details: { expectedSec: 20 } });
    await expect(assertComplete(path.join(dir, 'missing'), 20, tools)).rejects.toMatchObject({ code: 'media.truncated' });
  });
});
