/**
 * Native-messaging fuzz against the real spawned host: random and adversarial frames. The host must
 * answer every complete frame exactly once (an error for what it cannot use), keep serving, and exit
 * cleanly and quickly when the stream cannot be recovered.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frame, type HostProc } from '../integration/native-host/host-process.js';
import { faultEnv, header, type FaultEnv } from './fault-env.js';

let env: FaultEnv;
let tried = 0;
beforeAll(async () => {
  env = await faultEnv();
});
afterAll(() => {
  env?.dispose();
  console.log(`[fuzz] frames tried against the real host: ${tried}`);
});

const TYPES = ['ping', 'probe', 'download', 'cancel', 'jobs.list', 'config.get', 'config.set', 'logs.tail', 'no.such.type', '__proto__', 'constructor'];
// URLs that must never be fetched or passed on as options.
const BAD_URLS = ['-J', '--exec=touch /tmp/x', 'file:///etc/passwd', 'concat:a|b', 'javascript:alert(1)', 'http://', 'ftp://127.0.0.1/x', ''];

const nested = (depth: number, open: string, close: string) => `{"id":"deep","type":"ping","x":${open.repeat(depth)}1${close.repeat(depth)}}`;

/** One complete frame (the host must answer it): bytes plus a label for failure messages. */
const completeFrame: fc.Arbitrary<Buffer> = fc.oneof(
  // Valid JSON of any shape.
  fc.jsonValue({ maxDepth: 4 }).map((v) => frame(JSON.stringify(v) ?? 'null')),
  // Request-shaped objects with wrong or missing fields.
  fc
    .record({ id: fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.constant(null)), type: fc.constantFrom(...TYPES), url: fc.constantFrom(...BAD_URLS), extra: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: ['type'] })
    .map((o) => frame(o)),
  fc.record({ id: fc.string({ minLength: 1, maxLength: 10 }), type: fc.constant('config.set'), patch: fc.dictionary(fc.constantFrom('concurrency', 'downloadDir', 'probeCacheSec', 'x'), fc.jsonValue({ maxDepth: 1 })) }).map((o) => frame({ ...o, patch: { ...o.patch, downloadDir: 5 } })),
  // Not JSON at all, or not UTF-8.
  fc.string({ maxLength: 200 }).map((s) => frame(`{${s}`)),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.concat([header(b.length + 2), Buffer.from([0xc3, 0x28]), Buffer.from(b)])),
  fc.constant(Buffer.concat([header(0)])),
  // Deep nesting (arrays and objects), far beyond any stack a recursive walker would survive.
  fc.integer({ min: 1000, max: 200_000 }).map((d) => frame(nested(d, '[', ']'))),
  fc.integer({ min: 1000, max: 100_000 }).map((d) => frame(nested(d, '{"a":', '}'))),
);

async function sentinel(h: HostProc, id: string): Promise<void> {
  h.send({ id, type: 'ping' });
  await h.reply(id, 15_000);
}

describe('native messaging fuzz (fast-check, real host)', () => {
  it('answers every complete frame exactly once and keeps serving', async () => {
    const h = env.start({ NEXSTREAM_DOWNLOAD_DIR: env.tmp('fuzz-out') });
    await sentinel(h, 's0');
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(completeFrame, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 7 }), async (frames, split) => {
        const before = h.messages.filter((m) => m.kind === 'response').length;
        const bytes = Buffer.concat(frames);
        // Delivered in arbitrary slices: frame boundaries must not matter.
        const step = Math.max(1, Math.ceil(bytes.length / split));
        for (let i = 0; i < bytes.length; i += step) h.writeRaw(bytes.subarray(i, i + step));
        tried += frames.length;
        const id = `sentinel-${++round}`;
        await sentinel(h, id);
        const responses = h.messages.filter((m) => m.kind === 'response').length - before;
        expect(responses).toBe(frames.length + 1);
      }),
      { numRuns: 150, seed: 20251124, endOnFailure: true },
    );
    // A frame over the inbound limit but still skippable: error reply, then business as usual.
    const big = 3 * 1024 * 1024;
    h.writeRaw(Buffer.concat([header(big), Buffer.alloc(big, 0x41)]));
    tried++;
    await sentinel(h, 'after-big');
    expect(h.messages.some((m) => m.id === null && (m.error as { details?: { reason?: string } } | undefined)?.details?.reason === 'too_large')).toBe(true);
    h.child.stdin.end();
    const { code } = await h.exited;
    expect(code).toBe(0);
    expect(h.stderr()).not.toMatch(/RangeError|Maximum call stack|FATAL/);
  }, 240_000);

  it('exits cleanly and quickly when the stream is unrecoverable', async () => {
    const cases = fc.sample(
      fc.oneof(
        // Declared lengths no browser sends (over Chrome's 64 MiB): framing is lost.
        fc.integer({ min: 64 * 1024 * 1024 + 1, max: 0xffffffff }).map((n) => ({ bytes: Buffer.concat([header(n), Buffer.from('{}')]), end: false })),
        // Text where a header belongs (someone spoke HTTP or a shell to the host).
        fc.constantFrom('GET / HTTP/1.1\r\n\r\n', 'rm -rf /\n', '\u0000\u0000\u0000\u0080{}').map((s) => ({ bytes: Buffer.from(s, 'latin1'), end: false })),
        // A frame cut short by EOF.
        fc.integer({ min: 10, max: 5000 }).map((n) => ({ bytes: Buffer.concat([header(n), Buffer.from('{"id":"t","type":"pi')]), end: true })),
        // A header cut short by EOF.
        fc.constant({ bytes: Buffer.from([1, 0]), end: true }),
      ),
      { numRuns: 8, seed: 424242 },
    );
    await Promise.all(
      cases.map(async (c) => {
        const h = env.start();
        await sentinel(h, 'alive');
        h.writeRaw(c.bytes);
        tried++;
        if (c.end) h.child.stdin.end();
        const { code, signal, ms } = await h.exited;
        // Clean means: it exited by itself (1 when a frame was lost; a bare partial header at EOF may end as 0), not by a signal.
        expect(signal).toBeNull();
        expect([0, 1]).toContain(code);
        expect(h.stderr()).not.toMatch(/RangeError|Maximum call stack|FATAL|Unhandled/);
        expect(ms).toBeLessThan(10_000);
      }),
    );
  }, 120_000);
});
