import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameDecoder } from '../../../../native-host/transport/frame-decoder.js';
import { encodeFrame } from '../../../../native-host/transport/frame-encoder.js';
import { header } from '../../../fixtures/frames.js';


describe('FrameDecoder', () => {
  it('decodes frames split at every possible byte boundary', () => {
    const stream = Buffer.concat([encodeFrame(JSON.stringify({ a: 1 })), encodeFrame(JSON.stringify({ b: 'ü€😀' }))]);
    for (let cut = 0; cut <= stream.length; cut++) {
      const d = new FrameDecoder();
      const out = [...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))];
      expect(out).toEqual([
        { kind: 'message', value: { a: 1 }, bytes: 7 },
        { kind: 'message', value: { b: 'ü€😀' }, bytes: expect.any(Number) },
      ]);
    }
  });

  it('counts the length in bytes, not UTF-16 units (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 8 }), fc.array(fc.nat(12), { maxLength: 10 }), (texts, cuts) => {
        const stream = Buffer.concat(texts.map((t) => encodeFrame(JSON.stringify({ t }))));
        const d = new FrameDecoder();
        const out = [];
        let pos = 0;
        for (const c of cuts) {
          out.push(...d.push(stream.subarray(pos, pos + c)));
          pos += c;
        }
        out.push(...d.push(stream.subarray(pos)));
        expect(out.map((f) => (f.kind === 'message' ? (f.value as { t: string }).t : f))).toEqual(texts);
      }),
      { numRuns: 200 },
    );
  });

  it('replies to invalid JSON and invalid UTF-8 and keeps going', () => {
    const d = new FrameDecoder();
    const bad = Buffer.from('{nope', 'utf8');
    const badUtf8 = Buffer.from([0x22, 0xc3, 0x28, 0x22]);
    const out = d.push(Buffer.concat([header(bad.length), bad, header(4), badUtf8, encodeFrame('{"ok":true}')]));
    expect(out.map((f) => (f.kind === 'error' ? f.reason : 'message'))).toEqual(['bad_json', 'bad_utf8', 'message']);
    expect(out.every((f) => f.kind === 'message' || !f.fatal)).toBe(true);
  });

  it('skips an oversized but plausible body and decodes the next frame', () => {
    const d = new FrameDecoder({ maxFrameBytes: 16, skippableFrameBytes: 1024 });
    const big = Buffer.alloc(100, 0x20);
    const out = [...d.push(Buffer.concat([header(100), big.subarray(0, 30)])), ...d.push(Buffer.concat([big.subarray(30), encodeFrame('[1]')]))];
    expect(out[0]).toMatchObject({ kind: 'error', reason: 'too_large', fatal: false });
    expect(out[1]).toEqual({ kind: 'message', value: [1], bytes: 3 });
    expect(d.framingLost).toBe(false);
  });

  it('declares framing lost on an absurd length and ignores the rest', () => {
    const d = new FrameDecoder();
    const out = d.push(Buffer.concat([header(0xffffffff), encodeFrame('{}')]));
    expect(out).toEqual([expect.objectContaining({ kind: 'error', reason: 'too_large', fatal: true })]);
    expect(d.framingLost).toBe(true);
    expect(d.push(encodeFrame('{}'))).toEqual([]);
  });

  it('reports a frame truncated by EOF once', () => {
    const d = new FrameDecoder();
    expect(d.push(Buffer.concat([header(10), Buffer.from('{"a"')]))).toEqual([]);
    expect(d.end()).toEqual([expect.objectContaining({ reason: 'truncated', fatal: true })]);
    expect(d.end()).toEqual([]);
  });

  it('treats a zero-length frame as bad JSON, not a hang', () => {
    expect(new FrameDecoder().push(header(0))).toEqual([expect.objectContaining({ reason: 'bad_json', fatal: false })]);
  });
});
