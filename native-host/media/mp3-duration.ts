/**
 * The duration an MP3 declares in its Xing/Info frame (frame count x samples per frame / sample rate), as
 * ffmpeg's mp3 muxer writes it (it fills the count in at the trailer when the output is seekable) and as
 * ffprobe's mp3 demuxer reads it: the completeness check then needs no ffprobe start after every MP3
 * (~40 ms each here). No ID3v2-skippable first frame, no Xing/Info tag or no frame count: null, ffprobe decides.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { readAt } from './read-at.js';

/** ID3v2 tags ffmpeg writes (title, tags, a cover up to a few MB) are skipped; larger ones are left to ffprobe. */
const MAX_ID3 = 32 * 1024 * 1024;
/** The Xing tag sits in the first frame: 4 header bytes + at most 32 bytes of side info + tag + flags + count. */
const HEAD = 4 + 32 + 12;

const SAMPLE_RATES: Record<number, readonly number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Where the first MPEG frame starts: after an ID3v2 tag (syncsafe size, optional footer), else 0. Pure. */
export function audioStart(head: Buffer): number | null {
  if (head.length < 10 || head.toString('latin1', 0, 3) !== 'ID3') return 0;
  const size = (head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!;
  if ([6, 7, 8, 9].some((i) => head[i]! & 0x80) || size > MAX_ID3) return null;
  return 10 + size + (head[5]! & 0x10 ? 10 : 0);
}

/** Seconds from a Layer III frame that carries a Xing/Info tag with a frame count; null otherwise. Pure. */
export function xingDuration(frame: Buffer): number | null {
  if (frame.length < HEAD || frame[0] !== 0xff || (frame[1]! & 0xe0) !== 0xe0) return null;
  const version = (frame[1]! >> 3) & 3; // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5, 1 reserved
  const layer = (frame[1]! >> 1) & 3; // 1 = Layer III
  const rate = SAMPLE_RATES[version]?.[(frame[2]! >> 2) & 3];
  if (layer !== 1 || !rate) return null;
  const mono = frame[3]! >> 6 === 3;
  const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const at = 4 + sideInfo;
  const tag = frame.toString('latin1', at, at + 4);
  if (tag !== 'Xing' && tag !== 'Info') return null;
  if (!(frame.readUInt32BE(at + 4) & 1)) return null;
  const frames = frame.readUInt32BE(at + 8);
  const samplesPerFrame = version === 3 ? 1152 : 576;
  return frames > 0 ? (frames * samplesPerFrame) / rate : null;
}

/** The MP3's declared duration in seconds, or null when it declares none this reader trusts. */
export async function mp3Duration(file: string): Promise<number | null> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(file, 'r');
    const head = await readAt(fh, 0, 10);
    if (!head) return null;
    const start = audioStart(head);
    if (start === null) return null;
    const frame = await readAt(fh, start, HEAD);
    return frame ? xingDuration(frame) : null;
  } catch {
    return null;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
