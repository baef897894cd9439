/**
 * Outages of a real sqld: down at start, killed (SIGKILL) mid-write, hung (SIGSTOP), restarted. The
 * resolver never crashes or waits past its budget, answers uncached while the server is away, writes
 * again once it is back; the local files stay intact; doctor says what is wrong.
 */
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistry, type Registry } from '../../../../native-host/registry/index.js';
import { createResolver } from '../../../../native-host/resolver/index.js';
import { SEARCH_CANDIDATES, STAND_IN_LIMITS, standInEndpoints } from '../../../fixtures/providers/endpoints.js';
import { loadCatalog, startProviders, type StandIns } from '../../../fixtures/providers/servers.js';
import { sqldSkipReason, startSqld } from '../../../fixtures/sqld.js';
import { buildHost } from '../host-process.js';
import { SPOTIFY, machine } from './machines.js';
import { ISRC, entry, tmpDirs } from './support.js';

const skip = sqldSkipReason();
if (skip) console.warn(skip);
const BUDGET_MS = 8000;
const RETRY_MS = 300;
const TOTAL = 300;

describe.skipIf(skip)('shared registry outages', () => {
  let s: StandIns;
  const dirs = tmpDirs();
  beforeAll(async () => {
    s = await startProviders();
    s.setCatalog(loadCatalog());
    process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
  });
  afterAll(async () => {
    dirs.dispose();
    await s?.close();
  });
  const resolver = (registry: Registry) => createResolver({ endpoints: standInEndpoints(s), registry, limits: STAND_IN_LIMITS, providerTimeoutMs: 1500, previewRefreshMs: 1000, budgetMs: BUDGET_MS });
  const onServer = async (url: string) => {
    const c = createClient({ url });
    try {
      return Number((await c.execute({ sql: 'SELECT COUNT(*) AS n FROM tracks WHERE isrc = ?', args: [ISRC] })).rows[0]?.n);
    } finally {
      c.close();
    }
  };
  const integrity = async (file: string) => {
    const c = createClient({ url: `file:${file}` });
    try {
      return String((await c.execute('PRAGMA integrity_check')).rows[0]?.[0]);
    } finally {
      c.close();
    }
  };

  for (const replica of [false, true]) {
    it(`${replica ? 'replica' : 'remote'}: down at start -> uncached answers in budget; back -> writes resume`, async () => {
      const srv = await startSqld();
      const local = dirs.file('down.db');
      if (replica) {
        // A replica that synced once before, then finds its server gone.
        const first = await openRegistry({ localPath: local, tursoUrl: srv.url, replica: true });
        expect(first.health().state).toBe('ok');
        await first.close();
      }
      await srv.stop();
      const lines: Array<Record<string, unknown>> = [];
      try {
        const t0 = Date.now();
        const reg = await openRegistry({ localPath: local, tursoUrl: srv.url, replica, retryMs: RETRY_MS }, (l) => lines.push(l));
        expect(Date.now() - t0).toBeLessThan(3000);
        expect(reg.health()).toMatchObject({ state: 'unavailable', code: 'registry.unavailable' });
        const r = resolver(reg);
        const t1 = Date.now();
        const down = await r.resolve(SPOTIFY);
        expect(Date.now() - t1).toBeLessThan(BUDGET_MS);
        expect(down).toMatchObject({ isrc: ISRC, verified: true });
        expect(down.level).not.toBe('registry');
        // The user's own choices are local and keep working.
        expect(await reg.putOverride({ key: 'text:x', isrc: null, videoId: 'yydNF8tuVmU', videoUrl: 'https://youtu.be/yydNF8tuVmU' }, [])).toBe(true);
        await srv.restart();
        await new Promise((res) => setTimeout(res, RETRY_MS + 50));
        const back = await r.resolve(SPOTIFY);
        expect(back.verified).toBe(true);
        expect(await onServer(srv.url)).toBe(1);
        expect(reg.health().state).toBe('ok');
        expect((await r.resolve(SPOTIFY)).level).toBe('registry');
        // Once per connection, not per call: a replica has two (its file, and its server for writes).
        expect(lines.filter((l) => l.event === 'registry.unavailable')).toHaveLength(replica ? 2 : 1);
        expect(lines.some((l) => l.event === 'registry.restored')).toBe(true);
        await r.idle();
        await reg.close();
        for (const f of [local.replace(/\.db$/, '-local.db'), ...(replica ? [local.replace(/\.db$/, '-replica.db')] : [])]) expect(await integrity(f)).toBe('ok');
      } finally {
        await srv.dispose();
      }
    });
  }

  for (const replica of [false, true]) it(`${replica ? 'replica' : 'remote'}: killed mid-write: every call settles, no crash; acknowledged writes survive; writes resume after restart`, async () => {
    const srv = await startSqld();
    const local = dirs.file('kill.db');
    try {
      const reg = await openRegistry({ localPath: local, tursoUrl: srv.url, retryMs: RETRY_MS, replica });
      const isrc = (i: number) => `USKIL25${String(i).padStart(5, '0')}`;
      const t0 = Date.now();
      // The kill lands after the first acknowledged writes, whatever the machine's load: the rest are in flight or queued.
      let settled = 0;
      let killed: Promise<void> | null = null;
      const writes = Array.from({ length: TOTAL }, (_, i) =>
        reg.putVerified(entry(isrc(i), { keys: [`deezer:k${i}`] })).then((ok) => {
          if (++settled === 20) killed = srv.kill();
          return ok;
        }),
      );
      const inFlight = await Promise.all(writes);
      await killed;
      // On a loaded machine every in-flight write may land before the kill does: writes made once the
      // server is dead must then fail, so a failure is always seen, and each settles in bounded time.
      const afterKill = await Promise.all([0, 1, 2].map((j) => reg.putVerified(entry(isrc(TOTAL + j), { keys: [`deezer:k${TOTAL + j}`] }))));
      const results = [...inFlight, ...afterKill];
      expect(Date.now() - t0).toBeLessThan(5000 + 3 * 2500);
      expect(afterKill.every((x) => !x)).toBe(true);
      expect(results.some((x) => !x)).toBe(true);
      await srv.restart();
      await new Promise((res) => setTimeout(res, RETRY_MS + 50));
      const c = createClient({ url: srv.url });
      const have = new Set((await c.execute('SELECT isrc FROM tracks')).rows.map((r) => String(r.isrc)));
      const acked = results.flatMap((ok, i) => (ok ? [isrc(i)] : []));
      expect(acked.filter((x) => !have.has(x))).toEqual([]);
      expect(String((await c.execute('PRAGMA integrity_check')).rows[0]?.[0])).toBe('ok');
      // Back: the lost ones can be written again (one after another, as resolves write; while the breaker
      // tests the server with one call, calls beside it are skipped by design).
      const retried: boolean[] = [];
      for (const [i, ok] of results.entries()) retried.push(ok || (await reg.putVerified(entry(isrc(i), { keys: [`deezer:k${i}`] }))));
      expect(retried.every(Boolean)).toBe(true);
      expect(Number((await c.execute('SELECT COUNT(*) AS n FROM tracks')).rows[0]?.n)).toBe(results.length);
      c.close();
      await reg.close();
      if (replica) expect(await integrity(local.replace(/\.db$/, '-replica.db'))).toBe('ok');
    } finally {
      await srv.dispose();
    }
  });

  for (const replica of [false, true]) it(`${replica ? 'replica' : 'remote'}: hung server (accepts, never answers): calls give up at the op timeout, the event loop never stalls, resolves stay in budget`, async () => {
    const srv = await startSqld();
    try {
      const reg = await openRegistry({ localPath: dirs.file('hung.db'), tursoUrl: srv.url, replica, opTimeoutMs: 800, retryMs: 60_000 });
      expect(reg.health().state).toBe('ok');
      srv.pause();
      // libSQL's replica syncs and delegated writes block the main thread; the host must never make one to a hung server.
      let ticks = 0;
      let worstGap = 0;
      let last = Date.now();
      const beat = setInterval(() => {
        ticks++;
        worstGap = Math.max(worstGap, Date.now() - last);
        last = Date.now();
      }, 20);
      const r = resolver(reg);
      try {
        const t0 = Date.now();
        const res = await r.resolve(SPOTIFY);
        const ms = Date.now() - t0;
        expect(res).toMatchObject({ isrc: ISRC, verified: true });
        expect(ms).toBeLessThan(BUDGET_MS);
        expect(reg.health()).toMatchObject({ state: 'unavailable', code: 'registry.unavailable' });
        // Breaker open after two failures: later resolves do not wait for the server at all.
        await r.resolve(SPOTIFY);
        const t1 = Date.now();
        await r.resolve(SPOTIFY);
        expect(Date.now() - t1).toBeLessThan(ms);
        expect(ticks).toBeGreaterThan(0);
        expect(worstGap).toBeLessThan(1000);
      } finally {
        clearInterval(beat);
      }
      srv.resume();
      await r.idle();
      await reg.close();
    } finally {
      await srv.dispose();
    }
  });

  it('doctor names registry.unavailable when the server is down', async () => {
    const srv = await startSqld();
    const built = await buildHost();
    const m = machine(built.entry, s, { url: srv.url });
    try {
      await srv.stop();
      const d = await m.doctor();
      expect(d.code).toBe(1);
      expect(d.json?.registry).toMatchObject({ mode: 'remote', state: 'unavailable', code: 'registry.unavailable' });
      expect(String((d.json?.registry as { message: string }).message)).toMatch(/unreachable/);
    } finally {
      m.dispose();
      built.dispose();
      await srv.dispose();
    }
  });
});
