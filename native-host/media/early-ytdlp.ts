/**
 * A `yt-dlp -J` started before the rest of the host has loaded (native-host/cli/early-probe.ts), so a
 * cold `nexstream download|probe` overlaps Node's module loading with Python's start-up. The probe
 * adopts it only when it would run exactly the same command (same binary, same arguments); anything
 * else, and anything never adopted, is killed, so a wrong guess costs CPU, never behaviour.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { deathSignalPrefix } from './death-signal.js';
import type { ProcessExit } from './process-failure.js';

export interface EarlyChild {
  child: ChildProcess;
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

/** Spawns `file args` the way supervise() does (own process group, death-signal guard, stdin closed). Output waits in the pipes. */
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
  const run = { child, closed };
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
