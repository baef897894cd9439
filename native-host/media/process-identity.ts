/**
 * Who a process is, beyond its pid: pid + start time, so a pid the OS has since reused for another
 * program never passes for a host that died. Linux reads /proc; macOS asks ps; Windows knows the pid only.
 */
import { readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { LIMITS } from '../limits.js';

export interface ProcessIdentity {
  pid: number;
  /** Linux: clock ticks after boot (/proc/pid/stat field 22); macOS: epoch seconds; 0 when unknown. */
  start: number;
}

/** Start time of a live process, or null when it is gone (a zombie counts as gone: it writes nothing). */
async function startOf(pid: number): Promise<number | null> {
  if (process.platform === 'linux') {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!stat) return null;
    // Fields after the parenthesised command (which may hold spaces): state is field 3, starttime field 22.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[0] === 'Z' || rest[0] === 'X' ? null : Number(rest[19]);
  }
  if (process.platform === 'darwin') {
    const r = await execa('ps', ['-o', 'lstart=', '-p', String(pid)], { reject: false, timeout: LIMITS.psMs });
    if (r.exitCode !== 0 || !String(r.stdout).trim()) return null;
    const t = Date.parse(String(r.stdout).trim());
    return Number.isFinite(t) ? Math.floor(t / 1000) : 0;
  }
  try {
    process.kill(pid, 0);
    return 0;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? 0 : null;
  }
}

/** The identity of a running process, or null when there is none by that pid. */
export async function identityOf(pid: number): Promise<ProcessIdentity | null> {
  const start = await startOf(pid);
  return start === null ? null : { pid, start };
}

let self: Promise<ProcessIdentity> | undefined;

/** This process, computed once. */
export function selfIdentity(): Promise<ProcessIdentity> {
  self ??= startOf(process.pid).then((start) => ({ pid: process.pid, start: start ?? 0 }));
  return self;
}

/** True while the process that had this identity still runs; a reused pid with another start time is a different process. */
export async function isAlive(id: ProcessIdentity): Promise<boolean> {
  const start = await startOf(id.pid);
  if (start === null) return false;
  // Start 0 means "unknown" (Windows, or ps gave no date): the pid alone has to do.
  return id.start === 0 || start === 0 || start === id.start;
}
