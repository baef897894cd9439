/**
 * Reads ffmpeg's stderr for what it says about its inputs: the duration each container declares, and
 * short reads ("Stream ends prematurely at X, should be Y", libavformat/http.c). A server that keeps
 * ending the body at the same byte (it ignores Range, or lies about Content-Length) makes ffmpeg's
 * reconnect loop forever on ffmpeg 5.1 (no reconnect_max_retries yet): that is a truncated source.
 */
import { LIMITS } from '../limits.js';

const PREMATURE = /Stream ends prematurely at (\d+), should be (\d+)/;
/** What the demuxer says when a read failed for good (reconnecting, if any, exhausted). */
const IO_ERROR = /: Input\/output error\.?$/;
const DURATION = /^\s*Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/;

/** Short reads at the same offset before the source counts as cut off for good. */
export const SHORT_READ_REPEATS: number = LIMITS.shortReadRepeats;

export interface ShortRead {
  /** Bytes the server sent before ending the body. */
  bytesRead: number;
  /** Bytes its Content-Length announced. */
  announced: number;
}

export class InputWatch {
  /** Longest duration an input's container declares, seconds; null until ffmpeg prints one. */
  declaredDurationSec: number | null = null;
  /**
   * Set when a body ended short of its announced length and the input then failed with an I/O error (reconnecting
   * exhausted, or not possible): ffmpeg still exits 0 with what it had. The "bytes read vs announced length" check,
   * which holds when no duration is known. A cut that resumed logs no such error.
   */
  gaveUp: ShortRead | null = null;
  private readonly counts = new Map<string, number>();
  private lastShort: ShortRead | null = null;

  /** Feeds one stderr line; returns the short read once it has repeated SHORT_READ_REPEATS times. */
  line(text: string): ShortRead | null {
    const d = DURATION.exec(text);
    if (d) {
      const sec = Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]);
      if (sec > 0 && sec > (this.declaredDurationSec ?? 0)) this.declaredDurationSec = sec;
      return null;
    }
    if (this.lastShort && IO_ERROR.test(text)) {
      this.gaveUp ??= this.lastShort;
      return null;
    }
    const m = PREMATURE.exec(text);
    if (!m) return null;
    // 2^64-1 is ffmpeg's "length unknown": keep the first real announcement for this offset.
    const should = Number(m[2]);
    if (should < 2 ** 63 || this.lastShort?.bytesRead !== Number(m[1])) this.lastShort = { bytesRead: Number(m[1]), announced: should < 2 ** 63 ? should : -1 };
    const key = `${m[1]}/${m[2]}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n === SHORT_READ_REPEATS ? { bytesRead: Number(m[1]), announced: Number(m[2]) } : null;
  }
}
