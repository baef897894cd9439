/**
 * ID3v2.3 frames ffmpeg 5.1 cannot write, added to the tag it wrote: USLT (lyrics) and TCMP (compilation);
 * its muxer turns both keys into TXXX frames, which players do not read as lyrics or as the flag. Own code
 * over a tag library: two frames into a tag whose shape we know (v2.3, no unsynchronisation, no extended header).
 */
import { open, readFile, writeFile } from 'node:fs/promises';
import type { TagValues } from './tags.js';

const syncsafe = (b: Buffer, at: number) => ((b[at] ?? 0) << 21) | ((b[at + 1] ?? 0) << 14) | ((b[at + 2] ?? 0) << 7) | (b[at + 3] ?? 0);
function putSyncsafe(b: Buffer, at: number, n: number): void {
  for (let i = 0; i < 4; i++) b[at + i] = (n >> (7 * (3 - i))) & 0x7f;
}
const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

/** The USLT frame: UTF-16 text (encoding 1), language, empty descriptor, the lyrics. */
export function usltFrame(text: string, lang = 'eng'): Buffer {
  const body = Buffer.concat([Buffer.from([1]), Buffer.from(lang.slice(0, 3).padEnd(3, ' '), 'latin1'), utf16(''), Buffer.from([0, 0]), utf16(text)]);
  return frame('USLT', body);
}

/** A text frame (encoding 1, UTF-16 with BOM). */
export function textFrame(id: string, value: string): Buffer {
  return frame(id, Buffer.concat([Buffer.from([1]), utf16(value)]));
}

function frame(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(10);
  head.write(id, 0, 'latin1');
  head.writeUInt32BE(body.length, 4); // v2.3 frame sizes are plain 32-bit, not syncsafe
  return Buffer.concat([head, body]);
}

/** The frames an MP3 with these tags needs beyond what ffmpeg wrote. */
export function extraId3Frames(t: TagValues): Buffer[] {
  const out: Buffer[] = [];
  if (t.compilation !== undefined) out.push(textFrame('TCMP', t.compilation ? '1' : '0'));
  if (t.lyrics) out.push(usltFrame(t.lyrics));
  return out;
}

const isV23 = (file: Buffer) => file.length >= 10 && file.toString('latin1', 0, 3) === 'ID3' && file[3] === 3 && !((file[5] ?? 0) & 0xc0);

/** The file with the frames inserted first in its ID3v2.3 tag; null when the file starts with no such tag. */
export function withFrames(file: Buffer, frames: Buffer[]): Buffer | null {
  if (!isV23(file)) return null;
  const add = Buffer.concat(frames);
  const header = Buffer.from(file.subarray(0, 10));
  putSyncsafe(header, 6, syncsafe(file, 6) + add.length);
  return Buffer.concat([header, add, file.subarray(10)]);
}

/** Adds frames to an MP3 the pipeline has just written (its own .part file). False if it had no v2.3 tag. */
export async function addId3Frames(path: string, frames: Buffer[]): Promise<boolean> {
  if (!frames.length) return true;
  const fh = await open(path, 'r');
  const head = Buffer.alloc(10);
  try {
    await fh.read(head, 0, 10, 0);
  } finally {
    await fh.close();
  }
  if (!isV23(head)) return false;
  const out = withFrames(await readFile(path), frames);
  if (!out) return false;
  await writeFile(path, out);
  return true;
}
