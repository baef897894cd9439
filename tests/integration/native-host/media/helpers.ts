/** Shared bits of the media integration suites: real tools, a log collector, and a child-process census. */
import { readdir, readFile } from 'node:fs/promises';
import type { LogFn } from '../../../../native-host/media/types.js';

export type Logged = Parameters<LogFn>[0];

export function collectLog(): { log: LogFn; lines: Logged[]; commands: (source?: string) => string[] } {
  const lines: Logged[] = [];
  return {
    lines,
    log: (l) => void lines.push(l),
    commands: (source) => lines.filter((l) => l.level === 'info' && (!source || l.source === source)).map((l) => l.text),
  };
}

/** PIDs of live processes whose command line contains `needle` (Linux /proc). */
export async function processesMatching(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const d of await readdir('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    const cmd = await readFile(`/proc/${d}/cmdline`, 'utf8').catch(() => '');
    const stat = await readFile(`/proc/${d}/stat`, 'utf8').catch(() => '');
    // Zombies have exited already; their parent just has not reaped them yet.
    if (cmd.includes(needle) && !/\) Z /.test(stat)) pids.push(Number(d));
  }
  return pids;
}

/** Polls until no process mentions `needle`, or the deadline passes; returns what is still alive. */
export async function waitNoProcesses(needle: string, ms = 8000): Promise<number[]> {
  const end = Date.now() + ms;
  for (;;) {
    const left = await processesMatching(needle);
    if (!left.length || Date.now() > end) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}
