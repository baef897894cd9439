/** A title made into a file name every OS accepts, and an output path that never overwrites or escapes its folder. */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { NexError } from '../../shared/errors.js';
import { parsePartName, partPathFor } from './part-names.js';
import { selfIdentity } from './process-identity.js';

export { PART_SUFFIX } from './part-names.js';
/** Byte budget for the base name: leaves room for " (999)", the owner tag, ".flac" and PART_SUFFIX under the 255-byte limit. */
export const MAX_BASE_BYTES = 180;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Control chars, bidi overrides (spoof "gpj.exe"), and what Windows/macOS/Linux forbid in names.
const FORBIDDEN = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/gu;

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/** Cuts to at most `max` UTF-8 bytes without splitting a character (grapheme cluster, so no half emoji). */
export function truncateUtf8(s: string, max: number): string {
  if (byteLength(s) <= max) return s;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)) {
    const n = byteLength(segment);
    if (used + n > max) break;
    out += segment;
    used += n;
  }
  return out;
}

/** "AC/DC: Live?" -> "AC_DC_ Live_"; never empty, never a dot-name, a reserved name or an option-like name. */
export function safeFileName(title: string, maxBytes = MAX_BASE_BYTES): string {
  let s = title.normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
  // Leading dots hide files (and spell "../"); leading '-' reads as an option to other tools.
  s = s.replace(/^[\s.\-_]+/, '');
  s = truncateUtf8(s, maxBytes);
  // Windows drops trailing dots and spaces, so "a." and "a" would collide.
  s = s.replace(/[\s.]+$/, '');
  if (!s) return 'download';
  const stem = s.split('.')[0] ?? '';
  return WINDOWS_RESERVED.test(stem.trim()) ? `_${s}` : s;
}

export interface ReservedOutput {
  finalPath: string;
  /** Created empty with O_EXCL, its name tagged with this process (part-names.ts): it belongs to this job alone. */
  partPath: string;
}

const exists = (p: string) => stat(p).then(() => true, () => false);

/** `base.ext`, else `base (2).ext`, ... : the name of the n-th candidate. */
export function candidateName(base: string, ext: string, n: number): string {
  return n <= 1 ? `${base}.${ext}` : `${base} (${n}).${ext}`;
}

/** Resolves inside `dir` or throws: the last guard against a name that climbs out of the folder. */
export function insideDir(dir: string, name: string): string {
  const root = path.resolve(dir);
  const p = path.resolve(root, name);
  if (path.dirname(p) !== root) throw new NexError('media.output', `Refusing a file name outside the download folder: ${name}`);
  return p;
}

/** Final names some part file (any owner's) is already heading for. */
async function namesInProgress(dir: string): Promise<Set<string>> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return new Set(names.flatMap((n) => parsePartName(n)?.finalName ?? []));
}

/**
 * Picks the first free name and claims its `.part` file atomically ('wx'), so two concurrent jobs with the
 * same title get different names. A name counts as taken when the final file or a part file for it exists
 * (another host's part has another owner tag, so only the directory listing sees it; commitPart still
 * never overwrites if two hosts race past this check).
 */
export async function uniquePath(dir: string, base: string, ext: string, startAt = 1): Promise<ReservedOutput> {
  const safeBase = safeFileName(base);
  const owner = await selfIdentity();
  const busy = await namesInProgress(dir);
  for (let n = startAt; n < 10_000; n++) {
    const finalPath = insideDir(dir, candidateName(safeBase, ext, n));
    const partPath = partPathFor(finalPath, owner);
    if (busy.has(path.basename(finalPath)) || (await exists(finalPath))) continue;
    try {
      await (await open(partPath, 'wx', 0o644)).close();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new NexError('media.output', `Cannot write in ${dir}: ${(e as Error).message}`, { dir }, { cause: e });
    }
    return { finalPath, partPath };
  }
  throw new NexError('media.output', `Too many files named "${safeBase}" in ${dir}`);
}
