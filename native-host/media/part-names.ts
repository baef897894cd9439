/**
 * Part file names carry their owner: `Clip.host4821-88231.mp4.nexstream.part` is being written by host pid 4821
 * that started at 88231. A start-up sweep can then tell a dead host's leftover (remove now) from a live host's
 * job (leave alone) without waiting for the file to go quiet. The owner sits before the extension so the name
 * still ends in `.<ext>.nexstream.part`.
 */
import path from 'node:path';
import type { ProcessIdentity } from './process-identity.js';

/** Suffix of our in-progress files, so cleanup only ever touches files we made. */
export const PART_SUFFIX = '.nexstream.part';

const TAGGED = /^(.*)\.host(\d{1,10})-(\d{1,20})\.([^.]+)\.nexstream\.part$/;

/** The part path for `finalPath` (`dir/base.ext`) owned by `owner`. */
export function partPathFor(finalPath: string, owner: ProcessIdentity): string {
  const ext = path.extname(finalPath);
  return `${finalPath.slice(0, -ext.length)}.host${owner.pid}-${owner.start}${ext}${PART_SUFFIX}`;
}

export interface ParsedPart {
  /** The final file name this part becomes. */
  finalName: string;
  /** Absent for untagged parts (older versions): whose they are cannot be told. */
  owner?: ProcessIdentity;
}

/** Reads a directory entry's name; null when it is not one of our part files. */
export function parsePartName(name: string): ParsedPart | null {
  if (!name.endsWith(PART_SUFFIX)) return null;
  const m = TAGGED.exec(name);
  if (!m) return { finalName: name.slice(0, -PART_SUFFIX.length) };
  return { finalName: `${m[1]}.${m[4]}`, owner: { pid: Number(m[2]), start: Number(m[3]) } };
}
