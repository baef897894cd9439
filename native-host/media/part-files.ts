/** The `.nexstream.part` life cycle: promote on success without overwriting, remove on failure, sweep after crashes. */
import { link, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { PART_SUFFIX, candidateName, insideDir } from './filename.js';

/** Removes a part file; a missing file is fine (never created, or already gone). */
export async function removePart(partPath: string): Promise<void> {
  await rm(partPath, { force: true });
}

/**
 * Moves the finished part to its final name, never replacing a file that appeared meanwhile:
 * link() fails with EEXIST atomically, where rename() would overwrite. Filesystems without hard links
 * (FAT, some network shares) fall back to check-then-rename.
 */
export async function commitPart(partPath: string, finalPath: string): Promise<string> {
  const dir = path.dirname(finalPath);
  const ext = path.extname(finalPath).slice(1);
  const base = path.basename(finalPath, '.' + ext).replace(/ \(\d+\)$/, '');
  for (let n = 1; n < 10_000; n++) {
    const target = n === 1 ? finalPath : insideDir(dir, candidateName(base, ext, n));
    try {
      await link(partPath, target);
      await unlink(partPath);
      return target;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
      if (await stat(target).then(() => true, () => false)) continue;
      await rename(partPath, target);
      return target;
    }
  }
  throw new Error(`no free name for ${finalPath}`);
}

export interface CleanupOptions {
  /** Only parts untouched for this long are stale; a live job (maybe in another host process) keeps writing. Default 10 min. */
  olderThanMs?: number;
  now?: number;
}

/** Deletes leftover `*.nexstream.part` files in `dir` (from crashed runs); returns the removed paths. */
export async function cleanupStaleParts(dir: string, opts: CleanupOptions = {}): Promise<string[]> {
  const olderThan = opts.olderThanMs ?? 10 * 60_000;
  const now = opts.now ?? Date.now();
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith(PART_SUFFIX)) continue;
    const p = path.join(dir, name);
    const st = await stat(p).catch(() => null);
    if (!st?.isFile() || now - st.mtimeMs < olderThan) continue;
    await rm(p, { force: true });
    removed.push(p);
  }
  return removed;
}
