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
/** Complete frames the main property sends: runs x frames per run (~30 s on 2 shared cores; the test's timeout bounds it). */
const RUNS = 1000;
const FRAMES_PER_RUN = 100;
beforeAll(async () => {
  env = await faultEnv();
});
afterAll(() => {
  env?.dispose();
  console.log(`[fuzz] frames tried against the real host: ${tried}`);
});

const TYPES = ['ping', 'probe', 'download', 'cancel', 'jobs.list', 'config.get', 'config.set', 'config.reset', 'logs.tail', 'no.such.type', '__proto__', 'constructor'];
// URLs that must never be fetched or passed on as options.
const BAD_URLS = ['-J', '--exec=touch /tmp/x', 'file:///etc/passwd', 'concat:a|b', 'javascript:alert(1)', 'http://', 'ftp://127.0.0.1/x', ''];

const nested = (depth: number, open: string, close: string) => `{"id":"deep","type":"ping","x":${open.repeat(depth)}1${close.repeat(depth)}}`;

/**
 * One complete frame (the host must answer it). Weighted so 100,000 frames stay cheap: the deep-nesting
 * frames (up to ~400 KB each) are about 1 in 1,000, the rest small and varied.
 */
const completeFrame: fc.Arbitrary<Buffer> = fc.oneof(
  // Valid JSON of any shape.
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => frame(JSON.stringify(v) ?? 'null')), weight: 200 },
  // Request-shaped objects with wrong or missing fields.
  {
    arbitrary: fc
      .record({ id: fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.constant(null)), type: fc.constantFrom(...TYPES), url: fc.constantFrom(...BAD_URLS), extra: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: ['type'] })
      .map((o) => frame(o)),
    weight: 300,
  },
  {
    arbitrary: fc
      .record({ id: fc.string({ minLength: 1, maxLength: 10 }), type: fc.constant('config.set'), patch: fc.dictionary(fc.constantFrom('concurrency', 'downloadDir', 'probeCacheSec', 'x'), fc.jsonValue({ maxDepth: 1 })) })
      .map((o) => frame({ ...o, patch: { ...o.patch, downloadDir: 5 } })),
    weight: 100,
  },
  // Not JSON at all, or not UTF-8.
  { arbitrary: fc.string({ maxLength: 200 }).map((s) => frame(`{${s}`)), weight: 200 },
  { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.concat([header(b.length + 2), Buffer.from([0xc3, 0x28]), Buffer.from(b)])), weight: 150 },
  { arbitrary: fc.constant(Buffer.concat([header(0)])), weight: 48 },
  // Deep nesting (arrays and objects), far beyond any stack a recursive walker would survive.
  { arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((d) => frame(nested(d, '[', ']'))), weight: 1 },
  { arbitrary: fc.integer({ min: 1000, max: 100_000 }).map((d) => frame(nested(d, '{"a":', '}'))), weight: 1 },
);

async function sentinel(h: HostProc, id: string): Promise<void> {
  h.send({ id, type: 'ping' });
  await h.reply(id, 15_000);
}

describe('native messaging fuzz (fast-check, real host)', () => {
  it('answers every one of 100,000 complete frames exactly once and keeps serving', async () => {
    const h = env.start({ NEXSTREAM_DOWNLOAD_DIR: env.tmp('fuzz-out') });
    await sentinel(h, 's0');
    let round = 0;
    // Responses counted as they arrive (h.messages grows past 100,000: no rescans).
    let responses = 0;
    let counted = 0;
    const responseCount = () => {
      for (; counted < h.messages.length; counted++) if (h.messages[counted]?.kind === 'response') responses++;
      return responses;
    };
    const t0 = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(completeFrame, { minLength: FRAMES_PER_RUN, maxLength: FRAMES_PER_RUN }), fc.integer({ min: 1, max: 7 }), async (frames, split) => {
        const before = responseCount();
        const bytes = Buffer.concat(frames);
        // Delivered in arbitrary slices: frame boundaries must not matter.
        const step = Math.max(1, Math.ceil(bytes.length / split));
        for (let i = 0; i < bytes.length; i += step) h.writeRaw(bytes.subarray(i, i + step));
        tried += frames.length;
        const id = `sentinel-${++round}`;
        await sentinel(h, id);
        expect(responseCount() - before).toBe(frames.length + 1);
      }),
      { numRuns: RUNS, seed: 20251124, endOnFailure: true },
    );
    const ms = Date.now() - t0;
    console.log(`[fuzz] ${tried} frames in ${ms} ms`);
    expect(tried).toBeGreaterThanOrEqual(100_000);
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
  }, 120_000);

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
