/**
 * The duration an MP4/M4A file declares in its movie header (`moov/mvhd`), read with a few small reads.
 * It is the number `ffprobe -show_entries format=duration` prints for such a file (libavformat's mov
 * demuxer takes the format duration from mvhd), without starting a process: that start cost 0.1-0.3 s
 * after every video download. Anything else (other containers, fragmented MP4 whose mvhd says nothing
 * about the fragments, odd boxes) answers null and is left to ffprobe.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { readAt } from './read-at.js';

/** A movie header bigger than this is not one ffmpeg wrote; leave it to ffprobe. */
const MAX_MVHD = 4096;
/** Top-level and moov-level boxes walked at most (ffmpeg writes ~5 and ~a dozen). */
const MAX_BOXES = 64;

interface Box {
  type: string;
  start: number;
  /** Header length (8, or 16 with a 64-bit size). */
  header: number;
  size: number;
}

async function boxAt(fh: FileHandle, pos: number, end: number): Promise<Box | null> {
  const h = await readAt(fh, pos, 16).then((b) => b ?? readAt(fh, pos, 8));
  if (!h) return null;
  const small = h.readUInt32BE(0);
  const type = h.toString('latin1', 4, 8);
  let size = small;
  let header = 8;
  if (small === 1) {
    if (h.length < 16) return null;
    size = Number(h.readBigUInt64BE(8));
    header = 16;
  } else if (small === 0) size = end - pos;
  if (size < header || pos + size > end) return null;
  return { type, start: pos, header, size };
}

/** The child boxes of [from, to), stopping at the first malformed one. */
async function* boxes(fh: FileHandle, from: number, to: number): AsyncGenerator<Box> {
  let pos = from;
  for (let n = 0; pos < to && n < MAX_BOXES; n++) {
    const b = await boxAt(fh, pos, to);
    if (!b) return;
    yield b;
    pos += b.size;
  }
}

function mvhdSeconds(body: Buffer): number | null {
  const version = body.readUInt8(0);
  const [scaleAt, durAt, durLen] = version === 1 ? [20, 24, 8] : [12, 16, 4];
  if (body.length < durAt + durLen) return null;
  const scale = body.readUInt32BE(scaleAt);
  const dur = durLen === 8 ? Number(body.readBigUInt64BE(durAt)) : body.readUInt32BE(durAt);
  // All ones: "unknown" (ISO 14496-12); 0: nothing said (fragmented files).
  const unknown = durLen === 8 ? body.readBigUInt64BE(durAt) === 0xffffffffffffffffn : dur === 0xffffffff;
  return scale > 0 && dur > 0 && !unknown ? dur / scale : null;
}

/** Seconds from `moov/mvhd` of an ISO-BMFF file (first box `ftyp`), or null when it cannot say. Never throws. */
export async function mp4Duration(file: string): Promise<number | null> {
  let fh: FileHandle | null = null;
  try {
    fh = await open(file, 'r');
    const end = (await fh.stat()).size;
    let first = true;
    for await (const top of boxes(fh, 0, end)) {
      if (first && top.type !== 'ftyp') return null;
      first = false;
      if (top.type !== 'moov') continue;
      let seconds: number | null = null;
      for await (const child of boxes(fh, top.start + top.header, top.start + top.size)) {
        // Movie fragments extend the file beyond what mvhd says.
        if (child.type === 'mvex') return null;
        if (child.type === 'mvhd' && child.size - child.header <= MAX_MVHD) {
          const body = await readAt(fh, child.start + child.header, child.size - child.header);
          seconds = body ? mvhdSeconds(body) : null;
        }
      }
      return seconds;
    }
    return null;
  } catch {
    return null;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
