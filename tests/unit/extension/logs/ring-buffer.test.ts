import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RingBuffer } from '../../../../shared/ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps the last `capacity` items in order and reports evictions', () => {
    const r = new RingBuffer<number>(3);
    expect([1, 2, 3].map((n) => r.push(n))).toEqual([undefined, undefined, undefined]);
    expect(r.push(4)).toBe(1);
    expect(r.toArray()).toEqual([2, 3, 4]);
    expect(r.size).toBe(3);
    r.clear();
    expect(r.toArray()).toEqual([]);
  });

  it('matches a naive model for any push sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer(), { maxLength: 100 }), (cap, xs) => {
        const r = new RingBuffer<number>(cap);
        for (const x of xs) r.push(x);
        expect(r.toArray()).toEqual(xs.slice(-cap));
        expect(r.size).toBe(Math.min(cap, xs.length));
      }),
    );
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
