/**
 * An ID3v2.3 USLT (unsynchronised lyrics) frame added to the tag ffmpeg wrote: ffmpeg 5.1's ID3 muxer
 * writes a "lyrics" key as TXXX, which players do not show as lyrics. Own code over a tag library:
 * one frame into a tag we know the shape of (v2.3, no unsynchronisation, no extended header).
 */
import { open, readFile, writeFile } from 'node:fs/promises';

const syncsafe = (b: Buffer, at: number) => ((b[at] ?? 0) << 21) | ((b[at + 1] ?? 0) << 14) | ((b[at + 2] ?? 0) << 7) | (b[at + 3] ?? 0);
function putSyncsafe(b: Buffer, at: number, n: number): void {
  for (let i = 0; i < 4; i++) b[at + i] = (n >> (7 * (3 - i))) & 0x7f;
}
const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

/** The USLT frame: UTF-16 text (encoding 1), language, empty descriptor, the lyrics. */
export function usltFrame(text: string, lang = 'eng'): Buffer {
  const body = Buffer.concat([Buffer.from([1]), Buffer.from(lang.slice(0, 3).padEnd(3, ' '), 'latin1'), utf16(''), Buffer.from([0, 0]), utf16(text)]);
  const head = Buffer.alloc(10);
  head.write('USLT', 0, 'latin1');
  head.writeUInt32BE(body.length, 4); // v2.3 frame sizes are plain 32-bit, not syncsafe
  return Buffer.concat([head, body]);
}

/** The file with the frame inserted first in its ID3v2.3 tag; null when the file starts with no such tag. */
export function withUslt(file: Buffer, text: string): Buffer | null {
  if (file.length < 10 || file.toString('latin1', 0, 3) !== 'ID3' || file[3] !== 3 || (file[5] ?? 0) & 0xc0) return null;
  const size = syncsafe(file, 6);
  const frame = usltFrame(text);
  const header = Buffer.from(file.subarray(0, 10));
  putSyncsafe(header, 6, size + frame.length);
  return Buffer.concat([header, frame, file.subarray(10)]);
}

/** Adds the lyrics to an MP3 the pipeline has just written (its own .part file). False if it had no v2.3 tag. */
export async function addId3Lyrics(path: string, text: string): Promise<boolean> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(10);
  try {
    await fh.read(head, 0, 10, 0);
  } finally {
    await fh.close();
  }
  if (!withUslt(head, '')) return false;
  const out = withUslt(await readFile(path), text);
  if (!out) return false;
  await writeFile(path, out);
  return true;
}
