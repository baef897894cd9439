/**
 * The start-up sweep of leftover `*.nexstream.part` files. A part tagged with a host that is no longer running
 * (part-names.ts) is a crash leftover: whatever tool still writes it is killed and the part removed at once.
 * A part whose host still runs is a live job, maybe in another host process: left alone however old.
 * Untagged parts (older versions) cannot be told apart, so only those untouched for a while go.
 */
import { rm, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pidsWithArg } from './orphans.js';
import { parsePartName } from './part-names.js';
import { isAlive, selfIdentity, type ProcessIdentity } from './process-identity.js';
import { killTree } from './supervise.js';
import { LIMITS } from '../limits.js';

export interface CleanupOptions {
  /** Untagged parts untouched for this long are stale (a live job keeps writing its part). Default LIMITS.stalePartMs. */
  olderThanMs?: number;
  now?: number;
  /** Told about each orphaned tool process killed, for the log. */
  onOrphan?: (pid: number, partPath: string) => void;
}

/** How long killed orphans get to vanish before their part is removed anyway. */
const ORPHAN_WAIT_MS = LIMITS.orphanWaitMs;

async function ownerGone(owner: ProcessIdentity, self: ProcessIdentity): Promise<boolean> {
  if (owner.pid === self.pid && owner.start === self.start) return false;
  return !(await isAlive(owner));
}

/** Kills the orphaned tools still writing `partPath` (their whole process group: they ran detached). */
async function killWriters(partPath: string, onOrphan?: CleanupOptions['onOrphan']): Promise<void> {
  const pids = await pidsWithArg(partPath);
  for (const pid of pids) {
    onOrphan?.(pid, partPath);
    killTree(pid, 'SIGKILL');
  }
  const end = Date.now() + ORPHAN_WAIT_MS;
  while (pids.length && Date.now() < end && (await pidsWithArg(partPath)).length) await new Promise((r) => setTimeout(r, 50));
}

/** Deletes leftover part files in `dir` as described above; returns the removed paths. */
export async function cleanupStaleParts(dir: string, opts: CleanupOptions = {}): Promise<string[]> {
  const olderThan = opts.olderThanMs ?? LIMITS.stalePartMs;
  const now = opts.now ?? Date.now();
  const self = await selfIdentity();
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const part = parsePartName(name);
    if (!part) continue;
    const p = path.join(dir, name);
    const st = await stat(p).catch(() => null);
    if (!st?.isFile()) continue;
    if (part.owner) {
      if (!(await ownerGone(part.owner, self))) continue;
      await killWriters(p, opts.onOrphan);
    } else if (now - st.mtimeMs < olderThan) continue;
    await rm(p, { force: true });
    removed.push(p);
  }
  return removed;
}
