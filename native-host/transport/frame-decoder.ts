/**
 * Incremental decoder for native-messaging frames: a 4-byte little-endian byte count, then UTF-8 JSON.
 * Chunks may split anywhere (even inside the header); every problem becomes a value, never a throw,
 * so one bad frame cannot take the host down.
 */
import { MAX_INBOUND_FRAME_BYTES } from '../../shared/protocol/index.js';

/** Chrome sends at most 64 MiB to a host; a larger declared length means the stream is not frames any more. */
export const SKIPPABLE_FRAME_BYTES = 64 * 1024 * 1024;

export type DecodedFrame =
  | { kind: 'message'; value: unknown; bytes: number }
  /** `fatal`: framing is lost (nothing after this can be trusted); the host should reply and exit. */
  | { kind: 'error'; reason: 'too_large' | 'bad_utf8' | 'bad_json' | 'truncated'; message: string; fatal: boolean };

export interface FrameDecoderOptions {
  maxFrameBytes?: number;
  skippableFrameBytes?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class FrameDecoder {
  private buf: Buffer = Buffer.alloc(0);
  /** Bytes of an oversized body still to be thrown away. */
  private skipping = 0;
  private lost = false;
  private readonly max: number;
  private readonly skippable: number;

  constructor(opts: FrameDecoderOptions = {}) {
    this.max = opts.maxFrameBytes ?? MAX_INBOUND_FRAME_BYTES;
    this.skippable = Math.max(this.max, opts.skippableFrameBytes ?? SKIPPABLE_FRAME_BYTES);
  }

  /** True once a fatal error was reported; later input is ignored. */
  get framingLost(): boolean {
    return this.lost;
  }

  push(chunk: Uint8Array): DecodedFrame[] {
    if (this.lost) return [];
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.skipping > 0) {
      const n = Math.min(this.skipping, data.length);
      this.skipping -= n;
      data = data.subarray(n);
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, data]) : Buffer.from(data);
    const out: DecodedFrame[] = [];
    while (!this.lost) {
      if (this.skipping > 0) {
        const n = Math.min(this.skipping, this.buf.length);
        this.skipping -= n;
        this.buf = this.buf.subarray(n);
        if (this.skipping > 0) break;
      }
      if (this.buf.length < 4) break;
      const len = this.buf.readUInt32LE(0);
      if (len > this.max) {
        const fatal = len > this.skippable;
        out.push({
          kind: 'error',
          reason: 'too_large',
          fatal,
          message: `frame of ${len} bytes exceeds the ${this.max}-byte limit${fatal ? '; framing lost' : ''}`,
        });
        if (fatal) {
          this.lost = true;
          this.buf = Buffer.alloc(0);
          break;
        }
        this.buf = this.buf.subarray(4);
        this.skipping = len;
        continue;
      }
      if (this.buf.length < 4 + len) break;
      const body = this.buf.subarray(4, 4 + len);
      this.buf = this.buf.subarray(4 + len);
      out.push(decodeBody(body));
    }
    // Keep the buffer compact: a long-lived subarray would pin every chunk ever received.
    if (this.buf.length && this.buf.byteOffset > 0) this.buf = Buffer.from(this.buf);
    return out;
  }

  /** Stream ended: a partial frame left behind is reported once. */
  end(): DecodedFrame[] {
    if (this.lost || (this.buf.length === 0 && this.skipping === 0)) return [];
    const had = this.buf.length;
    this.buf = Buffer.alloc(0);
    this.lost = true;
    if (this.skipping > 0) return [];
    return [{ kind: 'error', reason: 'truncated', fatal: true, message: `stream ended inside a frame (${had} bytes pending)` }];
  }
}

function decodeBody(body: Buffer): DecodedFrame {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { kind: 'error', reason: 'bad_utf8', fatal: false, message: 'frame body is not valid UTF-8' };
  }
  try {
    return { kind: 'message', value: JSON.parse(text) as unknown, bytes: body.length };
  } catch (e) {
    return { kind: 'error', reason: 'bad_json', fatal: false, message: `frame body is not JSON: ${(e as Error).message}` };
  }
}
