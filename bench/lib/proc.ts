/** /proc readings for the memory figure: a process tree's RSS and a process's own peak (VmHWM). */
import { readFileSync, readdirSync } from 'node:fs';

function statusKb(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // exited meanwhile
  }
}

function ppidOf(pid: number): number {
  try {
    // Field 4 of /proc/pid/stat, after the parenthesised command (which may contain spaces).
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

/** `root` and every descendant alive now. */
export function treePids(root: number): number[] {
  const parent = new Map<number, number>();
  for (const e of readdirSync('/proc')) if (/^\d+$/.test(e)) parent.set(Number(e), ppidOf(Number(e)));
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parent) if (pp === out[i]) out.push(pid);
  return out;
}

export const rssKb = (pid: number) => statusKb(pid, 'VmRSS');
export const hwmKb = (pid: number) => statusKb(pid, 'VmHWM');

/** Samples the tree every `everyMs` until stopped: peak of the summed RSS, and each member's own peak. */
export function sampleTree(root: number, everyMs = 25): { stop(): { treePeakKb: number; rootHwmKb: number; childPeakKb: number; samples: number } } {
  let treePeak = 0;
  let childPeak = 0;
  let samples = 0;
  const tick = () => {
    const pids = treePids(root);
    const rss = pids.map(rssKb);
    treePeak = Math.max(treePeak, rss.reduce((a, b) => a + b, 0));
    // A child's own high-water mark catches peaks between two samples.
    for (const p of pids.slice(1)) childPeak = Math.max(childPeak, hwmKb(p));
    samples++;
  };
  const timer = setInterval(tick, everyMs);
  tick();
  return {
    stop: () => {
      tick();
      clearInterval(timer);
      return { treePeakKb: treePeak, rootHwmKb: hwmKb(root), childPeakKb: childPeak, samples };
    },
  };
}

export function fdCount(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return -1;
  }
}
