/** The `.nexstream.part` life cycle: promote on success without overwriting, remove on failure; part-sweep.ts clears up after crashes. */
import { link, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { candidateName, insideDir } from './filename.js';

export { cleanupStaleParts, type CleanupOptions } from './part-sweep.js';

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
