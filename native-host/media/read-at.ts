/** Exactly `len` bytes at `pos`, or null when the file is shorter: the container readers' one primitive. */
import type { FileHandle } from 'node:fs/promises';

export async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer | null> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, pos);
  return bytesRead === len ? buf : null;
}
