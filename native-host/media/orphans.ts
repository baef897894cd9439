/**
 * Finds tool processes still writing a given part file after their host died: the part path (which carries the
 * dead host's pid and start time) is an exact argument of the ffmpeg writing it, so a match is one of ours.
 * Linux reads /proc/<pid>/cmdline; macOS asks ps; Windows is best effort (none found).
 */
import { readFile, readdir } from 'node:fs/promises';
import { execa } from 'execa';
import { LIMITS } from '../limits.js';

async function linuxPidsWithArg(arg: string): Promise<number[]> {
  const pids: number[] = [];
  // One file at a time: thousands of processes read at once could run out of file descriptors and miss one.
  for (const e of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    // A zombie or a process that just exited has no cmdline: nothing to kill there.
    const cmd = await readFile(`/proc/${e}/cmdline`, 'utf8').catch(() => '');
    if (cmd.split('\0').includes(arg)) pids.push(Number(e));
  }
  return pids;
}

async function psPidsWithArg(arg: string): Promise<number[]> {
  // ps joins argv with spaces, so this is a substring match on the (distinctive, owner-tagged) path.
  const r = await execa('ps', ['-axww', '-o', 'pid=,command='], { reject: false, timeout: LIMITS.psMs });
  if (r.exitCode !== 0) return [];
  return String(r.stdout)
    .split('\n')
    .flatMap((line) => {
      const m = /^\s*(\d+)\s+(.*)$/.exec(line);
      return m?.[2]?.includes(arg) && Number(m[1]) !== process.pid ? [Number(m[1])] : [];
    });
}

/** Pids of live processes that have `arg` among their command-line arguments. */
export function pidsWithArg(arg: string): Promise<number[]> {
  if (process.platform === 'linux') return linuxPidsWithArg(arg);
  if (process.platform === 'darwin') return psPidsWithArg(arg);
  return Promise.resolve([]);
}
