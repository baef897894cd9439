/**
 * Which paths `reveal` may show: an existing regular file under the download folder, or the output
 * of a job this host ran (a job may have had its own outDir). Anything else is refused, so a
 * compromised page cannot make the host open arbitrary folders or launch files.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { NexError } from '../../shared/errors.js';

export interface RevealScope {
  downloadDir: string;
  /** Paths of files the host wrote (finished jobs). */
  written: string[];
  platform?: NodeJS.Platform;
}

const invalid = (why: string) => new NexError('input.invalid', `cannot show this file: ${why}`);

async function real(p: string): Promise<string | null> {
  try {
    return await realpath(p);
  } catch {
    return null;
  }
}

function inside(dir: string, file: string, platform: NodeJS.Platform): boolean {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const rel = p.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !p.isAbsolute(rel);
}

/** Resolves symlinks and returns the real path to show, or throws input.invalid. */
export async function checkRevealPath(file: string, scope: RevealScope): Promise<string> {
  const platform = scope.platform ?? process.platform;
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (!p.isAbsolute(file) || file.includes('\0')) throw invalid('not an absolute path');
  const target = await real(file);
  if (!target) throw invalid('it does not exist');
  if (!(await stat(target)).isFile()) throw invalid('not a file');
  const dir = await real(scope.downloadDir);
  if (dir && inside(dir, target, platform)) return target;
  for (const w of scope.written) if ((await real(w)) === target) return target;
  throw invalid('it is neither in the download folder nor a file NexStream wrote');
}
