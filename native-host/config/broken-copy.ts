/**
 * A config file that does not parse is the user's data (maybe their API keys with one typo): before the host
 * writes anything, the exact bytes are copied aside as `config.json.broken-<time>`, once per distinct content.
 */
import { chmodSync, copyFileSync, constants, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const BROKEN = '.broken-';

/** Copies `file` aside unless an identical copy exists; returns the copy's path (null if the file is gone). */
export function preserveBroken(file: string, now: Date = new Date()): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const dir = path.dirname(file);
  const prefix = path.basename(file) + BROKEN;
  for (const name of readdirSync(dir).filter((n) => n.startsWith(prefix)).sort().reverse()) {
    try {
      if (readFileSync(path.join(dir, name)).equals(bytes)) return path.join(dir, name);
    } catch {
      // unreadable copy: make a new one
    }
  }
  // ISO time without ':' (not allowed in Windows file names).
  const copy = path.join(dir, `${prefix}${now.toISOString().replace(/[:.]/g, '-')}`);
  copyFileSync(file, copy, constants.COPYFILE_EXCL);
  // It may hold API keys, like the original.
  chmodSync(copy, 0o600);
  return copy;
}
