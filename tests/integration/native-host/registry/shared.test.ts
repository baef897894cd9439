/**
 * Two machines, one real sqld on loopback: A resolves and verifies, B (own HOME, data dir and config
 * file) gets the registry hit without identifying the track again, in remote and embedded-replica
 * mode. Migrations on a fresh server and on one another host version migrated; the replica's sync interval.
 */
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openRegistry } from '../../../../native-host/registry/index.js';
import { migrate } from '../../../../native-host/registry/migrate.js';
import { CACHE_MIGRATIONS } from '../../../../native-host/registry/migrations/index.js';
import { loadCatalog, startProviders, type StandIns } from '../../../fixtures/providers/servers.js';
import { sqldSkipReason, startSqld, type Sqld } from '../../../fixtures/sqld.js';
import { buildHost } from '../host-process.js';
import { ISRC, SPOTIFY, machine, type Machine } from './machines.js';
import { entry, tmpDirs } from './support.js';

const skip = sqldSkipReason();
if (skip) console.warn(skip);

describe.skipIf(skip)('shared registry on a real sqld', () => {
  let built: Awaited<ReturnType<typeof buildHost>>;
  let s: StandIns;
  let sqld: Sqld;
  let server: Client;
  const machines: Machine[] = [];
  const dirs = tmpDirs();
  beforeAll(async () => {
    [built, s, sqld] = await Promise.all([buildHost(), startProviders(), startSqld()]);
    server = createClient({ url: sqld.url });
  });
  afterAll(async () => {
    server?.close();
    for (const m of machines) m.dispose();
    dirs.dispose();
    built?.dispose();
    await Promise.all([s?.close(), sqld?.dispose()]);
  });
  beforeEach(async () => {
    s.setCatalog(loadCatalog());
    for (const p of [s.deezer, s.itunes, s.odesli]) p.requests.length = 0;
    const t = await server.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'tracks'`);
    if (t.rows.length) await server.batch(['DELETE FROM track_keys', 'DELETE FROM tracks'], 'write');
  });
  const m = (shared: Parameters<typeof machine>[2]) => {
    const x = machine(built.entry, s, shared);
    machines.push(x);
    return x;
  };
  const serverCount = async () => Number((await server.execute({ sql: 'SELECT COUNT(*) AS n FROM tracks WHERE isrc = ?', args: [ISRC] })).rows[0]?.n);
  /** B may refresh the preview (Deezer by ISRC, iTunes search) but identifies nothing: no Odesli, no Deezer track/search lookups. */
  const onlyPreviewRefresh = () => {
    expect(s.odesli.requests).toEqual([]);
    expect(s.deezer.requests.every((r) => r.includes('/track/isrc:'))).toBe(true);
  };

  for (const replica of [false, true]) {
    it(`${replica ? 'embedded replica' : 'remote'}: B gets A's verified match from the server`, async () => {
      const a = m({ url: sqld.url, replica });
      const b = m({ url: sqld.url, replica, viaConfigFile: true });
      const ra = await a.resolve(SPOTIFY);
      expect(ra.code, ra.stderr).toBe(0);
      expect(ra.json).toMatchObject({ isrc: ISRC, verified: true });
      expect(ra.json?.level).not.toBe('registry');
      expect(await serverCount()).toBe(1);
      for (const p of [s.deezer, s.itunes, s.odesli]) p.requests.length = 0;
      const rb = await b.resolve(SPOTIFY);
      expect(rb.code, rb.stderr).toBe(0);
      expect(rb.json).toMatchObject({ isrc: ISRC, level: 'registry', verified: true, match: { id: (ra.json?.match as { id: string }).id } });
      onlyPreviewRefresh();
      // Separate machines: nothing of A's is in B's home.
      expect(a.home).not.toBe(b.home);
      expect(b.log()).not.toContain(a.home);
    });
  }

  it('migrations: a fresh server gets the schema once; a second host only reads it', async () => {
    const fresh = await startSqld();
    try {
      const r1 = await openRegistry({ localPath: dirs.file('fresh.db'), tursoUrl: fresh.url });
      const r2 = await openRegistry({ localPath: dirs.file('fresh2.db'), tursoUrl: fresh.url });
      expect([r1.health().state, r2.health().state]).toEqual(['ok', 'ok']);
      const c = createClient({ url: fresh.url });
      expect((await c.execute('SELECT version, name FROM schema_version')).rows.map((r) => [r.version, r.name])).toEqual([[1, 'tracks']]);
      // The overrides table belongs to each machine's local file, never to the server.
      expect((await c.execute(`SELECT name FROM sqlite_master WHERE name = 'overrides'`)).rows).toEqual([]);
      c.close();
      await Promise.all([r1.close(), r2.close()]);
    } finally {
      await fresh.dispose();
    }
  });

  it('migrations: a server migrated by a newer host version (extra column, v3) still serves this one; an older server is brought forward', async () => {
    const srv = await startSqld();
    const c = createClient({ url: srv.url });
    try {
      const v3 = { version: 3, name: 'tracks-extra', statements: ['ALTER TABLE tracks ADD COLUMN lyrics_url TEXT', 'CREATE TABLE IF NOT EXISTS stats (isrc TEXT PRIMARY KEY, hits INTEGER)'] };
      // An older host version migrated to 1; a newer one brings it to 3 without re-running 1.
      expect(await migrate(c, CACHE_MIGRATIONS)).toBe(1);
      expect(await migrate(c, [...CACHE_MIGRATIONS, v3])).toBe(3);
      expect((await c.execute('SELECT version FROM schema_version ORDER BY version')).rows.map((r) => Number(r.version))).toEqual([1, 3]);
      // This (older) host opens the newer server, writes and reads through the extra column.
      const reg = await openRegistry({ localPath: dirs.file('older.db'), tursoUrl: srv.url });
      expect(reg.health()).toMatchObject({ state: 'ok' });
      expect(await reg.putVerified(entry())).toBe(true);
      expect((await reg.getByIsrc(ISRC))?.match.id).toBe('yydNF8tuVmU');
      expect((await c.execute('SELECT version FROM schema_version ORDER BY version')).rows.map((r) => Number(r.version))).toEqual([1, 3]);
      await reg.close();
    } finally {
      c.close();
      await srv.dispose();
    }
  });

  it('replica: rows another machine writes arrive within the sync interval, and not without it', async () => {
    const writer = await openRegistry({ localPath: dirs.file('w.db'), tursoUrl: sqld.url });
    const synced = await openRegistry({ localPath: dirs.file('r1.db'), tursoUrl: sqld.url, replica: true, syncIntervalSec: 1 });
    const manual = await openRegistry({ localPath: dirs.file('r2.db'), tursoUrl: sqld.url, replica: true, syncIntervalSec: 0 });
    try {
      expect(await synced.getByIsrc(ISRC)).toBeNull();
      expect(await writer.putVerified(entry())).toBe(true);
      const t0 = Date.now();
      let got = null;
      while (!got && Date.now() - t0 < 5000) {
        await new Promise((r) => setTimeout(r, 100));
        got = await synced.getByIsrc(ISRC);
      }
      expect(got?.match.id).toBe('yydNF8tuVmU');
      expect(Date.now() - t0).toBeLessThan(3000);
      // With sync only at open, the other machine's row is not seen until the next start.
      expect(await manual.getByIsrc(ISRC)).toBeNull();
    } finally {
      await Promise.all([writer.close(), synced.close(), manual.close()]);
    }
  });
});
