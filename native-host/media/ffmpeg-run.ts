/**
 * One ffmpeg run (plus the yt-dlp processes feeding its pipe inputs, if any): progress out, errors as NexErrors,
 * everything killed together on abort or when any part fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { NexError } from '../../shared/errors.js';
import type { Progress } from '../../shared/protocol/index.js';
import { cancelled } from './probe.js';
import { createProgressParser } from './progress.js';
import type { Feeder } from './sources.js';
import { processFailure, type ProcessExit } from './process-failure.js';
import { supervise } from './supervise.js';
import type { LogFn, Tools } from './types.js';
import { ytdlpError, ytdlpPipeArgs } from './ytdlp-args.js';

export interface FfmpegRunOptions {
  signal?: AbortSignal;
  log?: LogFn;
  durationSec: number | null;
  onProgress?: (p: Progress) => void;
  /** yt-dlp processes writing formats of `url` into ffmpeg's pipe fds. */
  feeders?: Feeder[];
  url: string;
  /** Audio presets: a missing audio stream means media.no_audio rather than a generic failure. */
  audioRequired?: boolean;
}

const DISK_FULL = /No space left on device|ENOSPC|Disk quota exceeded/i;
const NO_STREAM = /Stream map '[^']*:a[^']*' matches no streams|does not contain any stream|Output file #0 does not contain any stream/i;

export function ffmpegError(exit: ProcessExit | number | null, tail: string, audioRequired: boolean): NexError {
  const failure = processFailure(exit);
  const { exitCode } = failure;
  const details = { ...failure, stderrTail: tail.split('\n').slice(-15).join('\n') };
  if (DISK_FULL.test(tail)) return new NexError('media.disk_full', 'The disk is full: free some space or pick another download folder.', details);
  if (audioRequired && NO_STREAM.test(tail)) return new NexError('media.no_audio', 'This source has no audio stream, so an audio preset cannot be made from it.', details);
  const last = tail.trim().split('\n').at(-1) ?? '';
  return new NexError('media.ffmpeg_exit', `ffmpeg failed (exit ${exitCode ?? 'signal'}): ${last}`, details);
}

export async function runFfmpeg(args: string[], tools: Tools, opts: FfmpegRunOptions): Promise<void> {
  // One controller for the group: the caller's abort, or any member failing, stops all of them.
  const group = new AbortController();
  const onAbort = () => group.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const feeders = opts.feeders ?? [];
  const parse = createProgressParser(opts.durationSec);
  // yt-dlp writing fragments to stdout still parks each fragment as `--FragN` in its cwd: one private dir per feeder.
  const cwds = await Promise.all(feeders.map(() => mkdtemp(path.join(tmpdir(), 'nexstream-frag-'))));
  const ff = supervise(tools.ffmpeg, args, {
    source: 'ffmpeg',
    log: opts.log,
    signal: group.signal,
    extraPipes: feeders.length ? Math.max(...feeders.map((f) => f.fd)) - 2 : 0,
    // ffmpeg finishing its trailer after SIGTERM still reports progress=end: not news for a cancelled job.
    onStdout: (c) => parse(c).forEach((p) => !group.signal.aborted && opts.onProgress?.(p)),
  });
  const feeding = feeders.map((f, i) => {
    const y = supervise(tools.ytdlp, ytdlpPipeArgs(opts.url, f.formatId, tools), { source: 'yt-dlp', log: opts.log, signal: group.signal, rawStdout: true, cwd: cwds[i] });
    const sink = ff.sub.stdio[f.fd] as Writable | null;
    // ffmpeg closing its end early (error, or done) is an EPIPE here, not a crash.
    sink?.on('error', () => undefined);
    y.sub.stdout?.on('error', () => undefined);
    if (sink && y.sub.stdout) y.sub.stdout.pipe(sink);
    return y.exited.then((r) => {
      if (r.exitCode !== 0 && !group.signal.aborted) group.abort();
      return { ...r, tail: y.stderrTail.text() };
    });
  });
  try {
    const done = await ff.exited;
    // ffmpeg done: feeders have nothing left to write to.
    if (feeders.length) group.abort();
    const fed = await Promise.all(feeding);
    if (opts.signal?.aborted) throw cancelled();
    const failedFeed = fed.find((r) => r.exitCode !== 0 && r.signal === null);
    if (failedFeed) throw ytdlpError(failedFeed, failedFeed.tail, opts.url);
    // ffmpeg 5.1 exits 0 when ENOSPC hits its trailer write: the file is truncated, so it is a failure.
    if (done.exitCode !== 0 || DISK_FULL.test(ff.stderrTail.text())) throw ffmpegError(done, ff.stderrTail.text(), opts.audioRequired ?? false);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await Promise.all(cwds.map((d) => rm(d, { recursive: true, force: true })));
  }
}
