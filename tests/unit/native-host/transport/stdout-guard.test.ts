import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { claimStdout } from '../../../../native-host/transport/stdout-guard.js';

const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn };
afterEach(() => Object.assign(console, saved));

describe('claimStdout', () => {
  it('keeps stdout for frames and sends every other write (console.log too) to stderr', () => {
    const out = new PassThrough();
    const err = new PassThrough();
    let o = '';
    let e = '';
    out.on('data', (d) => (o += d));
    err.on('data', (d) => (e += d));
    const origError = console.error;
    console.error = (...a: unknown[]) => err.write(`${a.join(' ')}\n`);
    try {
      const sink = claimStdout(out as unknown as NodeJS.WriteStream, err as unknown as NodeJS.WriteStream);
      out.write('stray library print\n');
      console.log('stray console.log');
      sink.write(Buffer.from('FRAME'));
    } finally {
      console.error = origError;
    }
    expect(o).toBe('FRAME');
    expect(e).toContain('stray library print');
    expect(e).toContain('stray console.log');
  });
});
