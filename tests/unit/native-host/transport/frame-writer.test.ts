import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { FrameWriter, type FrameSink } from '../../../../native-host/transport/frame-writer.js';
import { FrameDecoder } from '../../../../native-host/transport/frame-decoder.js';

/** A pipe that accepts `capacity` writes, then wants a drain. */
class SlowSink extends EventEmitter implements FrameSink {
  chunks: Buffer[] = [];
  inFlight = 0;
  constructor(private readonly capacity: number) {
    super();
  }
  write(chunk: Uint8Array): boolean {
    this.chunks.push(Buffer.from(chunk));
    this.inFlight++;
    return this.inFlight < this.capacity;
  }
  drain(): void {
    this.inFlight = 0;
    this.emit('drain');
  }
}

describe('FrameWriter', () => {
  it('waits for drain when the pipe is full and preserves order', async () => {
    const sink = new SlowSink(2);
    const w = new FrameWriter(sink);
    for (let i = 0; i < 5; i++) w.send({ kind: 'response', id: String(i), ok: true, result: i });
    expect(sink.chunks).toHaveLength(2);
    expect(w.pendingBytes).toBeGreaterThan(0);
    const flushed = w.flush();
    sink.drain();
    sink.drain();
    sink.drain();
    await flushed;
    const d = new FrameDecoder();
    const ids = d.push(Buffer.concat(sink.chunks)).map((f) => (f.kind === 'message' ? (f.value as { id: string }).id : 'err'));
    expect(ids).toEqual(['0', '1', '2', '3', '4']);
    expect(w.pendingBytes).toBe(0);
  });

  it('never writes a frame over the limit', () => {
    const sink = new SlowSink(1000);
    const w = new FrameWriter(sink, 10_000);
    w.send({ kind: 'response', id: 'x', ok: true, result: 'y'.repeat(50_000) });
    for (const c of sink.chunks) expect(c.readUInt32LE(0)).toBeLessThanOrEqual(10_000);
  });

  it('stops writing once the pipe errors (browser gone)', () => {
    const sink = new SlowSink(1000);
    const w = new FrameWriter(sink);
    sink.emit('error', new Error('EPIPE'));
    w.send({ kind: 'response', id: 'x', ok: true, result: 1 });
    expect(sink.chunks).toHaveLength(0);
    expect(w.isClosed).toBe(true);
  });
});
