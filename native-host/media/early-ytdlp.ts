/**
 * A `yt-dlp -J` started before the rest of the host has loaded (native-host/cli/early-probe.ts), so a
 * cold `nexstream download|probe` overlaps Node's module loading with Python's start-up. The probe
 * adopts it only when it would run exactly the same command (same binary, same arguments); anything
 * else, and anything never adopted, is killed, so a wrong guess costs CPU, never behaviour.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { deathSignalPrefix } from './death-signal.js';
import type { ProcessExit } from './process-failure.js';

/** Text a stream gave so far, replayed to a late subscriber, then passed on live. */
export class TextReplay {
  private readonly seen: string[] = [];
  private readonly subs: Array<(text: string) => void> = [];
  push(text: string): void {
    this.seen.push(text);
    for (const s of this.subs) s(text);
  }
  subscribe(fn: (text: string) => void): void {
    for (const t of this.seen) fn(t);
    this.subs.push(fn);
  }
}

export interface EarlyChild {
  child: ChildProcess;
  /**
   * Its output, read from the start: Node drains (and discards) the pipes of a child that exits with nobody
   * reading them, so a probe adopting it after it finished would otherwise see nothing.
   */
  stdout: TextReplay;
  stderr: TextReplay;
  /** Settles once the process is gone and its pipes are closed (or it never started); never rejects. */
  closed: Promise<ProcessExit>;
}

let waiting: { key: string; run: EarlyChild } | null = null;
const keyOf = (file: string, args: readonly string[]) => JSON.stringify([file, ...args]);

function killGroup(child: ChildProcess): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Spawns `file args` the way supervise() does (own process group, death-signal guard, stdin closed). Output is kept for the adopter. */
export function startEarlyYtdlp(file: string, args: readonly string[]): EarlyChild | null {
  if (waiting) return null;
  const [guard, ...guardArgs] = deathSignalPrefix();
  const child = spawn(guard ?? file, guard ? [...guardArgs, file, ...args] : [...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  const closed = new Promise<ProcessExit>((resolve) => {
    child.once('error', (e) => resolve({ exitCode: null, signal: null, cause: e.message }));
    child.once('close', (code, signal) => resolve({ exitCode: code, signal }));
  });
  const stdout = new TextReplay();
  const stderr = new TextReplay();
  child.stdout?.setEncoding('utf8').on('data', (c: string) => stdout.push(c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => stderr.push(c));
  const run = { child, closed, stdout, stderr };
  waiting = { key: keyOf(file, args), run };
  process.once('exit', () => {
    if (waiting?.run === run) killGroup(child);
  });
  return run;
}

/** The early child when it runs exactly `file args`; otherwise kills it (if any) and returns null. */
export function claimEarlyYtdlp(file: string, args: readonly string[]): EarlyChild | null {
  const w = waiting;
  waiting = null;
  if (!w) return null;
  if (w.key === keyOf(file, args)) return w.run;
  killGroup(w.run.child);
  return null;
}
