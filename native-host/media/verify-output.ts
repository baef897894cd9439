/**
 * The last gate before a `.part` becomes the user's file: its duration (ffprobe) must reach the source's,
 * within tolerance. ffmpeg exits 0 on a body that ended early, so its exit code alone proves nothing.
 */
import { execa } from 'execa';
import { NexError } from '../../shared/errors.js';
import { mp3Duration } from './mp3-duration.js';
import { mp4Duration } from './mp4-duration.js';
import { adopt } from './supervise.js';
import type { Tools } from './types.js';

/** Allowed shortfall: 1 s or 2 % of the source, whichever is larger (muxers round to frames and packets). */
export function durationTolerance(expectedSec: number): number {
  return Math.max(1, expectedSec * 0.02);
}

/** Output duration of a finished file, or null when ffprobe cannot tell (then nothing is claimed). MP4/M4A: their movie header, MP3: its Xing/Info frame count, as ffprobe reads them. */
export async function outputDuration(file: string, tools: Pick<Tools, 'ffprobe'>, signal?: AbortSignal): Promise<number | null> {
  const own = (await mp4Duration(file)) ?? (await mp3Duration(file));
  if (own !== null) return own;
  const r = await adopt(() =>
    execa(tools.ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', '--', file], {
      reject: false,
      timeout: 20_000,
      stdin: 'ignore',
      ...(signal ? { cancelSignal: signal } : {}),
    }),
  );
  const sec = Number.parseFloat(r.stdout.trim());
  return r.exitCode === 0 && Number.isFinite(sec) ? sec : null;
}

/** Throws media.truncated when the output is measurably shorter than `expectedSec` (null: unknown, not checked). */
export async function assertComplete(file: string, expectedSec: number | null, tools: Pick<Tools, 'ffprobe'>, signal?: AbortSignal): Promise<void> {
  if (!expectedSec || expectedSec <= 0) return;
  const got = await outputDuration(file, tools, signal);
  if (got === null) throw new NexError('media.truncated', 'The saved file cannot be read back, so it is not kept.', { expectedSec });
  if (got + durationTolerance(expectedSec) >= expectedSec) return;
  throw new NexError('media.truncated', `The source ended early: got ${got.toFixed(1)} s of ${expectedSec.toFixed(1)} s, so the file was not kept.`, {
    expectedSec,
    gotSec: Math.round(got * 1000) / 1000,
  });
}
