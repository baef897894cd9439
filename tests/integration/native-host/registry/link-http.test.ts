/**
 * How the registry talks HTTP to a shared server: one write transaction in flight per host (sqld's write-slot
 * queue stalls for 5 s per stale slot when many are queued at once), and nothing left in flight once the
 * registry is closed (a held request used to keep the host process alive after every time-out had passed).
 */
import { createServer, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRegistry } from '../../../../native-host/registry/index.js';
import { sqldSkipReason, startSqld } from '../../../fixtures/sqld.js';
import { entry, tmpDirs } from './support.js';

const skip = sqldSkipReason();
const dirs = tmpDirs();
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  dirs.dispose();
});

describe.skipIf(skip)('registry over HTTP: one write at a time', () => {
  it('16 writes at once from one host reach sqld one after another, all acknowledged and stored', async () => {
    const srv = await startSqld();
    try {
      const reg = await openRegistry({ localPath: dirs.file('w.db'), tursoUrl: srv.url });
      let inFlight = 0;
      let peak = 0;
      globalThis.fetch = async (...a: Parameters<typeof fetch>) => {
        peak = Math.max(peak, ++inFlight);
        try {
          return await realFetch(...a);
        } finally {
          inFlight--;
        }
      };
      const isrc = (i: number) => `USONE25${String(i).padStart(5, '0')}`;
      const oks = await Promise.all(Array.from({ length: 16 }, (_, i) => reg.putVerified(entry(isrc(i), { keys: [`deezer:one${i}`] }))));
      globalThis.fetch = realFetch;
      expect(oks.every(Boolean)).toBe(true);
      expect(peak).toBe(1);
      for (let i = 0; i < 16; i++) expect((await reg.getByIsrc(isrc(i)))?.track.isrc).toBe(isrc(i));
      await reg.close();
    } finally {
      await srv.dispose();
    }
  });
});

describe('registry over HTTP: a server that holds requests', () => {
  let sockets: Set<Socket>;
  let server: ReturnType<typeof createServer>;
  let url: string;
  beforeEach(async () => {
    sockets = new Set();
    // Accepts, reads, never answers: what a stalled sqld looks like from the client.
    server = createServer((s) => {
      // Only connections that carried a request count: Node 20's undici opens a spare, idle one after an abort.
      s.on('data', () => sockets.add(s));
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterEach(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  it('close() gives up every request still in flight: no connection holding one stays open', async () => {
    const t0 = Date.now();
    const reg = await openRegistry({ localPath: dirs.file('h.db'), tursoUrl: url, opTimeoutMs: 300, openTimeoutMs: 600 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(reg.health().state).toBe('unavailable');
    expect(await reg.putVerified(entry())).toBe(false);
    // The requests the timed-out calls left behind are still held by the server.
    expect(sockets.size).toBeGreaterThan(0);
    await reg.close();
    const until = Date.now() + 2000;
    while (sockets.size && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(sockets.size).toBe(0);
  });
});
