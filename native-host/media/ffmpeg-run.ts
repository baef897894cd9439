/**
 * One ffmpeg run (plus the yt-dlp processes feeding its pipe inputs, if any): progress out, errors as NexErrors,
 * everything killed together on abort or when any part fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { NexError } from '../../shared/errors.js';
import { InputWatch, type ShortRead } from './input-watch.js';
import { DEFAULT_STALL_SEC } from './net-input-args.js';
import { StallWatchdog } from './stall-watchdog.js';
import type { Progress } from '../../shared/protocol/index.js';
import { cancelled } from './probe.js';
import { createProgressParser } from './progress.js';
import type { Feeder } from './sources.js';
import { processFailure, type ProcessExit } from './process-failure.js';
import { assertChildCapacity, supervise } from './supervise.js';
import type { LogFn, Tools } from './types.js';
import { ytdlpError, ytdlpPipeArgs } from './ytdlp-args.js';
import { ffmpegHttpFailure } from './ytdlp-errors.js';

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
  /** No output, media time or feeder bytes for this long fails the run as media.stalled. Default 30 s. */
  stallMs?: number;
  /** The job's private cookies.txt for the yt-dlp feeders. */
  cookiesFile?: string;
  /** Text written to ffmpeg's extra fds and closed (the chapters' FFMETADATA). */
  textFeeds?: Array<{ fd: number; text: string }>;
  /** Finish now and keep the output (a live recording's Stop): SIGINT makes ffmpeg stop reading and write its trailer. */
  stop?: AbortSignal;
  /**
   * A recording: at a stall ffmpeg is asked to finish (SIGINT, seen at its next packet) and the HLS demuxer ends the
   * input itself after its unchanged reloads (record.ts `-max_reload`), so what arrived is kept: an hour of a
   * broadcast is worth keeping when its origin stops sending. media.stalled only if ffmpeg is still running after
   * KEEP_GRACE_STALLS more stall times (a read stuck on a silent server).
   */
  keepOnStall?: boolean;
}

/** What ffmpeg said about its inputs, for the completeness check. */
export interface FfmpegRunReport {
  /** Longest duration an input container declared (null: none did). */
  declaredDurationSec: number | null;
  /** Set when a stall ended a `keepOnStall` run: how long nothing had arrived. */
  stalledMs?: number;
}

/** Stall times ffmpeg may take to end a stalled recording by itself (longer HLS targets poll for longer). */
const KEEP_GRACE_STALLS = 10;

export function stalledError(idleMs: number): NexError {
  return new NexError('media.stalled', `The download stalled: nothing arrived for ${Math.round(idleMs / 1000)} s.`, { idleMs });
}

export function gaveUpError(r: ShortRead): NexError {
  const of = r.announced >= 0 ? ` of ${r.announced}` : '';
  return new NexError('media.truncated', `The server went away after ${r.bytesRead}${of} bytes and reconnecting failed, so the file was not kept.`, { ...r });
}

export function shortReadError(r: ShortRead): NexError {
  return new NexError('media.truncated', `The server keeps ending the file after ${r.bytesRead} of the ${r.announced} bytes it announced.`, { ...r });
}

const FASTSTART_PASS = /Starting second pass: moving the moov atom/;
const DISK_FULL = /No space left on device|ENOSPC|Disk quota exceeded/i;
/** ffmpeg 5.1 exits 0 when its trailer write fails (a full disk, a reserved index room too small): the file is broken. */
const TRAILER_FAILED = /Error writing trailer of [^\n]*/;
const NO_STREAM = /Stream map '[^']*:a[^']*' matches no streams|does not contain any stream|Output file #0 does not contain any stream/i;

export function ffmpegError(exit: ProcessExit | number | null, tail: string, audioRequired: boolean): NexError {
  const failure = processFailure(exit);
  const { exitCode } = failure;
  const details = { ...failure, stderrTail: tail.split('\n').slice(-15).join('\n') };
  if (DISK_FULL.test(tail)) return new NexError('media.disk_full', 'The disk is full: free some space or pick another download folder.', details);
  const http = ffmpegHttpFailure(tail, details);
  if (http) return http;
  if (audioRequired && NO_STREAM.test(tail)) return new NexError('media.no_audio', 'This source has no audio stream, so an audio preset cannot be made from it.', details);
  const trailer = TRAILER_FAILED.exec(tail)?.[0];
  if (trailer) return new NexError('media.ffmpeg_exit', `ffmpeg could not finish the file (${trailer}).`, details);
  const last = tail.trim().split('\n').at(-1) ?? '';
  return new NexError('media.ffmpeg_exit', `ffmpeg failed (exit ${exitCode ?? 'signal'}): ${last}`, details);
}

export async function runFfmpeg(args: string[], tools: Tools, opts: FfmpegRunOptions): Promise<FfmpegRunReport> {
  // The whole group fits or none of it starts: a half-started group would orphan ffmpeg.
  assertChildCapacity(1 + (opts.feeders?.length ?? 0));
  // One controller for the group: the caller's abort, or any member failing, stops all of them.
  const group = new AbortController();
  // Why the host itself stopped the group (stall, endless short reads): reported instead of the exit code.
  let failure: NexError | null = null;
  const fail = (e: NexError) => {
    failure ??= e;
    group.abort();
  };
  let stalledMs: number | undefined;
  let stopFfmpeg = () => undefined as void;
  let keepGrace: NodeJS.Timeout | undefined;
  const dog = new StallWatchdog(opts.stallMs ?? DEFAULT_STALL_SEC * 1000, (idle) => {
    if (!opts.keepOnStall) return fail(stalledError(idle));
    stalledMs = idle;
    stopFfmpeg();
    keepGrace = setTimeout(() => fail(stalledError(idle)), KEEP_GRACE_STALLS * idle);
  });
  const watch = new InputWatch();
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
    extraPipes: Math.max(2, ...feeders.map((f) => f.fd), ...(opts.textFeeds ?? []).map((t) => t.fd)) - 2,
    // ffmpeg finishing its trailer after SIGTERM still reports progress=end: not news for a cancelled job.
    onStdout: (c) =>
      parse(c).forEach((p) => {
        dog.progress(p);
        if (!group.signal.aborted) opts.onProgress?.(p);
      }),
    onStderrLine: (line) => {
      // The faststart pass rewrites the local file with no progress output (long for big files): the network part is over.
      if (FASTSTART_PASS.test(line)) dog.stop();
      const short = watch.line(line);
      if (short) fail(shortReadError(short));
    },
  });
  // Not the group kill: ffmpeg alone gets SIGINT and exits 0 once the trailer (and a faststart pass) is written.
  const onStop = () => {
    try {
      if (ff.sub.pid) process.kill(ff.sub.pid, 'SIGINT');
    } catch {
      // already gone: its exit is handled below
    }
  };
  stopFfmpeg = onStop;
  if (opts.stop?.aborted) onStop();
  else opts.stop?.addEventListener('abort', onStop, { once: true });
  for (const t of opts.textFeeds ?? []) {
    const sink = ff.sub.stdio[t.fd] as Writable | null;
    sink?.on('error', () => undefined);
    sink?.end(t.text);
  }
  const feeding = feeders.map((f, i) => {
    const y = supervise(tools.ytdlp, ytdlpPipeArgs(opts.url, f.formatId, tools, opts.cookiesFile), { source: 'yt-dlp', log: opts.log, signal: group.signal, rawStdout: true, cwd: cwds[i] });
    const sink = ff.sub.stdio[f.fd] as Writable | null;
    // ffmpeg closing its end early (error, or done) is an EPIPE here, not a crash.
    sink?.on('error', () => undefined);
    y.sub.stdout?.on('error', () => undefined);
    y.sub.stdout?.on('data', () => dog.touch());
    if (sink && y.sub.stdout) y.sub.stdout.pipe(sink);
    return y.exited.then((r) => {
      if (r.exitCode !== 0 && !group.signal.aborted) group.abort();
      return { ...r, tail: y.stderrTail.text() };
    });
  });
  try {
    const done = await ff.exited;
    dog.stop();
    // ffmpeg done: feeders have nothing left to write to.
    if (feeders.length) group.abort();
    const fed = await Promise.all(feeding);
    if (opts.signal?.aborted) throw cancelled();
    if (failure) throw failure;
    const failedFeed = fed.find((r) => r.exitCode !== 0 && r.signal === null);
    if (failedFeed) throw ytdlpError(failedFeed, failedFeed.tail, opts.url, tools.ytdlpVersion);
    // After our SIGINT ffmpeg exits 255 having written the trailer ("Exiting normally, received signal 2").
    const stopped = (opts.stop?.aborted === true || stalledMs !== undefined) && done.exitCode === 255;
    const tail = ff.stderrTail.text();
    if ((done.exitCode !== 0 && !stopped) || DISK_FULL.test(tail) || TRAILER_FAILED.test(tail)) throw ffmpegError(done, tail, opts.audioRequired ?? false);
    // ffmpeg gave up reconnecting and wrote what it had: exit 0, but bytes are missing.
    if (watch.gaveUp) throw gaveUpError(watch.gaveUp);
    return { declaredDurationSec: watch.declaredDurationSec, ...(stalledMs !== undefined ? { stalledMs } : {}) };
  } finally {
    dog.stop();
    clearTimeout(keepGrace);
    opts.signal?.removeEventListener('abort', onAbort);
    opts.stop?.removeEventListener('abort', onStop);
    await Promise.all(cwds.map((d) => rm(d, { recursive: true, force: true })));
  }
}
