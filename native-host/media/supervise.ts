/**
 * Runs yt-dlp/ffmpeg bound to an AbortSignal: command line and every output line to the log,
 * and on abort the whole process tree dies gently (SIGTERM), then firmly (SIGKILL) after a grace period.
 */
import type { Readable } from 'node:stream';
import { execa, type Options, type ResultPromise } from 'execa';
import { NexError } from '../../shared/errors.js';
import type { LogSource } from '../../shared/protocol/index.js';
import { redact } from '../../shared/redact.js';
import { deathSignalPrefix } from './death-signal.js';
import { TextReplay, type EarlyChild } from './early-ytdlp.js';
import { Tail, displayCommand, lineSplitter } from './lines.js';
import type { ProcessExit } from './process-failure.js';
import type { LogFn } from './types.js';
import { LIMITS } from '../limits.js';

/** How long a process gets to exit after SIGTERM before SIGKILL. */
export const KILL_GRACE_MS = LIMITS.killGraceMs;

export interface Supervised {
  sub: ResultPromise<Options>;
  /** Resolves when the process has exited, however it ended; never rejects. */
  exited: Promise<ProcessExit>;
  stderrTail: Tail;
  kill(): void;
}

export interface SuperviseOptions {
  source: LogSource;
  log?: LogFn;
  signal?: AbortSignal;
  /** Extra pipes beyond stdio (fd 3, 4, ...) e.g. ffmpeg's pipe:3 input. Default 0. */
  extraPipes?: number;
  /** Called with stdout chunks; when absent stdout is ignored. */
  onStdout?: (chunk: string) => void;
  /** Called with every stderr line (ffmpeg's reports on its inputs). */
  onStderrLine?: (text: string) => void;
  /** Raw stdout stream wanted instead (a yt-dlp feeding ffmpeg). */
  rawStdout?: boolean;
  cwd?: string;
}

/** Kills `pid` and its descendants: they share its process group (spawned detached) on POSIX; taskkill /T on Windows. */
export function killTree(pid: number, sig: 'SIGTERM' | 'SIGKILL'): void {
  if (process.platform === 'win32') {
    execa('taskkill', ['/pid', String(pid), '/T', ...(sig === 'SIGKILL' ? ['/F'] : [])], { reject: false }).catch(() => undefined);
    return;
  }
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  }
}

/** Process groups still running; killed if the host itself exits, so no tool outlives it (detached groups would). */
const live = new Set<number>();
let exitHookInstalled = false;
function track(pid: number | undefined): void {
  if (!pid) return;
  live.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => live.forEach((p) => killTree(p, 'SIGKILL')));
}

/**
 * Live yt-dlp/ffmpeg processes at most. The probe gate (3) and the job limit (<= 8 jobs x ffmpeg + 2 feeders)
 * stay under it by design; the cap is the backstop that keeps a bug or a flood from forking without bound.
 */
export const MAX_LIVE_CHILDREN: number = LIMITS.maxLiveChildren;

/** Processes this host is supervising right now (doctor shows it). */
export function liveChildCount(): number {
  return live.size;
}

/** Throws host.busy unless `n` more processes fit under MAX_LIVE_CHILDREN; call before starting a group. */
export function assertChildCapacity(n = 1): void {
  if (live.size + n <= MAX_LIVE_CHILDREN) return;
  throw new NexError('host.busy', `${live.size} helper processes are already running (limit ${MAX_LIVE_CHILDREN}); try again when some finish.`, { live: live.size, cap: MAX_LIVE_CHILDREN });
}

/**
 * Counts a short-lived helper started with execa directly (ffprobe) in the census and under the cap, until it
 * exits; it is also killed if the host exits first.
 */
export function adopt<T extends Promise<unknown> & { pid?: number }>(start: () => T): T {
  assertChildCapacity(1);
  const sub = start();
  const pid = sub.pid;
  track(pid);
  const forget = () => void (pid && live.delete(pid));
  sub.then(forget, forget);
  return sub;
}

export function supervise(file: string, args: string[], opts: SuperviseOptions): Supervised {
  const { log, source } = opts;
  assertChildCapacity(1);
  // ffmpeg's -cookies value is the session itself: never shown.
  const shown = args.map((a, i) => (args[i - 1] === '-cookies' ? '***' : a));
  log?.({ source, level: 'info', text: redact(displayCommand(file, shown)) });
  const pipes = Array.from({ length: opts.extraPipes ?? 0 }, () => 'pipe' as const);
  // The log shows the tool's own command; the guard that kills it with the host is plumbing.
  const [guard, ...guardArgs] = deathSignalPrefix();
  const sub = execa(guard ?? file, guard ? [...guardArgs, file, ...args] : args, {
    reject: false,
    buffer: false,
    stdio: ['ignore', opts.onStdout || opts.rawStdout ? 'pipe' : 'ignore', 'pipe', ...pipes],
    // Own process group, so a kill reaches whatever the tool itself spawned (yt-dlp -> ffmpeg).
    detached: process.platform !== 'win32',
    windowsHide: true,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  } as Options);
  const ended = (async (): Promise<ProcessExit> => {
    const r = await sub;
    // A spawn failure (ENOENT, EACCES) has no exit code: its message is the cause.
    const cause = r.failed && r.exitCode === undefined && !r.signal ? (r.shortMessage ?? r.message) : undefined;
    return { exitCode: r.exitCode ?? null, signal: r.signal ?? null, ...(cause ? { cause } : {}) };
  })();
  return { sub, ...watch({ pid: sub.pid, stdout: sub.stdout as Readable | null, stderr: sub.stderr as Readable | null, ended, running: () => sub.exitCode === null }, opts) };
}

/**
 * supervise() for a process already running: the early `yt-dlp -J` (early-ytdlp.ts) that a probe
 * adopts. Same log lines, stderr tail, abort and kill behaviour; its output so far is replayed.
 */
export function adoptEarly(file: string, args: string[], early: EarlyChild, opts: SuperviseOptions): Omit<Supervised, 'sub'> {
  opts.log?.({ source: opts.source, level: 'info', text: redact(displayCommand(file, args)) });
  const { child } = early;
  return watch({ pid: child.pid, stdout: early.stdout, stderr: early.stderr, ended: early.closed, running: () => child.exitCode === null && child.signalCode === null }, opts);
}

function readText(from: Readable | TextReplay | null, fn: (text: string) => void): void {
  if (from instanceof TextReplay) from.subscribe(fn);
  else from?.setEncoding('utf8').on('data', fn);
}

interface Watched {
  pid: number | undefined;
  stdout: Readable | TextReplay | null;
  stderr: Readable | TextReplay | null;
  /** Settles when the process has exited and its output is read. */
  ended: Promise<ProcessExit>;
  running(): boolean;
}

function watch(w: Watched, opts: SuperviseOptions): Omit<Supervised, 'sub'> {
  const { log, source } = opts;
  const { pid } = w;
  track(pid);
  const stderrTail = new Tail(30);
  const replaceKey = `${source}-${pid ?? 0}-progress`;
  const split = lineSplitter((text, cr) => {
    stderrTail.add(text);
    opts.onStderrLine?.(text);
    log?.({ source, level: 'debug', text, ...(cr ? { replaceKey } : {}) });
  });
  readText(w.stderr, (c) => split.push(c));
  const onStdout = opts.onStdout;
  if (onStdout) readText(w.stdout, onStdout);
  let killing = false;
  let timer: NodeJS.Timeout | undefined;
  const exited = (async () => {
    const r = await w.ended;
    if (pid) live.delete(pid);
    split.end();
    if (timer) clearTimeout(timer);
    // Stragglers in the group (children that ignored SIGTERM) go with the leader.
    if (killing && pid) killTree(pid, 'SIGKILL');
    return r;
  })();
  const kill = () => {
    if (killing || !pid || !w.running()) return;
    killing = true;
    killTree(pid, 'SIGTERM');
    timer = setTimeout(() => killTree(pid, 'SIGKILL'), KILL_GRACE_MS);
  };
  if (opts.signal?.aborted) kill();
  else opts.signal?.addEventListener('abort', kill, { once: true });
  void exited.finally(() => opts.signal?.removeEventListener('abort', kill));
  return { exited, stderrTail, kill };
}
