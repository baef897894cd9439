/**
 * Ordered, backpressure-aware frame output. Everything goes through one queue so frames are never
 * interleaved or reordered; when the pipe is full we wait for 'drain' instead of buffering in the stream.
 */
import { MAX_OUTBOUND_FRAME_BYTES, type HostMessage } from '../../shared/protocol/index.js';
import { encodeFrame } from './frame-encoder.js';
import { fitFrames } from './size-guard.js';

/** The part of a Writable we need; lets tests use a fake slow pipe. */
export interface FrameSink {
  write(chunk: Uint8Array, cb?: (err?: Error | null) => void): boolean;
  once(event: 'drain' | 'close', listener: (...args: unknown[]) => void): unknown;
  on(event: 'error', listener: (...args: unknown[]) => void): unknown;
}

export class FrameWriter {
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  private waitingDrain = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly sink: FrameSink,
    private readonly maxBytes = MAX_OUTBOUND_FRAME_BYTES,
  ) {
    // A broken pipe means the browser is gone; stop writing instead of throwing EPIPE at every send.
    // `on`, not `once`: a second EPIPE with no listener would be an uncaught exception.
    sink.on('error', () => this.close());
    sink.once('close', () => this.close());
  }

  /** Bytes accepted but not yet handed to the pipe; the logger sheds debug lines when this grows. */
  get pendingBytes(): number {
    return this.queuedBytes;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(msg: HostMessage): void {
    if (this.closed) return;
    for (const f of fitFrames(msg, this.maxBytes)) {
      const frame = encodeFrame(f.json);
      this.queue.push(frame);
      this.queuedBytes += frame.length;
    }
    this.pump();
  }

  /** Resolves once everything queued so far has been handed to the pipe (or the pipe closed). */
  flush(): Promise<void> {
    if (this.closed || (this.queue.length === 0 && !this.waitingDrain)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.queue = [];
    this.queuedBytes = 0;
    this.settleIdle();
  }

  private pump(): void {
    while (!this.waitingDrain && !this.closed && this.queue.length) {
      const frame = this.queue.shift() as Buffer;
      this.queuedBytes -= frame.length;
      let ok: boolean;
      try {
        ok = this.sink.write(frame);
      } catch {
        this.close();
        return;
      }
      if (!ok) {
        this.waitingDrain = true;
        this.sink.once('drain', () => {
          this.waitingDrain = false;
          this.pump();
        });
      }
    }
    if (!this.waitingDrain && this.queue.length === 0) this.settleIdle();
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
