/**
 * Rows on a shared server were written by other machines: a machine with write access (or a bug) can put
 * anything there. Each bad row is ignored and logged, the resolve goes on as if uncached; a local
 * override beats a shared row; overrides never reach the server (checked by reading the server itself).
 */
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openRegistry } from '../../../../native-host/registry/index.js';
import { createResolver } from '../../../../native-host/resolver/index.js';
import { SEARCH_CANDIDATES, STAND_IN_LIMITS, standInEndpoints } from '../../../fixtures/providers/endpoints.js';
import { loadCatalog, startProviders, type StandIns } from '../../../fixtures/providers/servers.js';
import { sqldSkipReason, startSqld, type Sqld } from '../../../fixtures/sqld.js';
import { SPOTIFY } from './machines.js';
import { ISRC, entry, tmpDirs } from './support.js';

const skip = sqldSkipReason();
if (skip) console.warn(skip);

/** Column overrides that make the catalog track's row hostile or incoherent, and why it must be refused. */
const BAD: Array<[string, Record<string, unknown>, RegExp]> = [
  ['javascript: match URL', { match_url: 'javascript:alert(1)//yydNF8tuVmU' }, /http\(s\)/],
  ['match URL off YouTube', { match_url: 'https://evil.example/watch?v=yydNF8tuVmU' }, /YouTube/],
  ['match URL for another video', { match_url: 'https://www.youtube.com/watch?v=AAAAAAAAAAA' }, /match id/],
  ['video id shape', { match_id: '../../etc/pa', match_url: 'https://www.youtube.com/watch?v=../../etc/pa' }, /video id/],
  ['file: preview', { preview_url: 'file:///etc/passwd' }, /http\(s\)/],
  ['data: artwork', { artwork_url: 'data:text/html,<script>alert(1)</script>' }, /http\(s\)/],
  ['absurd duration', { duration_sec: 9e9 }, /duration_sec/],
  ['negative duration', { match_duration_sec: -3 }, /match_duration_sec/],
  ['match far longer than the track', { match_duration_sec: 3600 }, /disagrees/],
  ['artists not JSON', { artists: 'Daft Punk' }, /artists/],
  ['unknown verification', { verified_by: 'trust-me' }, /verified_by/],
];

describe.skipIf(skip)('untrusted rows from a shared sqld', () => {
  let s: StandIns;
  let sqld: Sqld;
  let server: Client;
  const dirs = tmpDirs();
  beforeAll(async () => {
    [s, sqld] = await Promise.all([startProviders(), startSqld()]);
    s.setCatalog(loadCatalog());
    process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
    server = createClient({ url: sqld.url });
    // Schema and one good row, the way any host writes it.
    const seed = await openRegistry({ localPath: dirs.file('seed.db'), tursoUrl: sqld.url });
    expect(await seed.putVerified(entry(ISRC, { keys: ['spotify:5W3cjX2J3tjhG8zb6u0qHn'] }))).toBe(true);
    await seed.close();
  });
  afterAll(async () => {
    server?.close();
    dirs.dispose();
    await Promise.all([s?.close(), sqld?.dispose()]);
  });
  let good: Record<string, unknown>;
  beforeEach(async () => {
    good ??= { ...(await server.execute({ sql: 'SELECT * FROM tracks WHERE isrc = ?', args: [ISRC] })).rows[0] };
    const cols = Object.keys(good);
    await server.execute({ sql: `INSERT OR REPLACE INTO tracks (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, args: cols.map((c) => good[c] as string | number | null) });
  });
  const tamper = (set: Record<string, unknown>) =>
    server.execute({ sql: `UPDATE tracks SET ${Object.keys(set).map((k) => `${k} = ?`).join(', ')} WHERE isrc = ?`, args: [...Object.values(set).map((v) => v as string | number | null), ISRC] });
  const resolverWith = async (replica = false) => {
    const lines: Array<Record<string, unknown>> = [];
    const reg = await openRegistry({ localPath: dirs.file('m.db'), tursoUrl: sqld.url, replica }, (l) => lines.push(l));
    const r = createResolver({ endpoints: standInEndpoints(s), registry: reg, limits: STAND_IN_LIMITS, providerTimeoutMs: 1500, previewRefreshMs: 1000 });
    return { reg, r, lines };
  };

  it('a good shared row is a registry hit (the baseline for the cases below)', async () => {
    const { reg, r } = await resolverWith();
    expect((await r.resolve(SPOTIFY)).level).toBe('registry');
    await r.idle();
    await reg.close();
  });

  it.each(BAD)('%s: ignored, logged, resolved as if uncached', async (_name, set, reason) => {
    await tamper(set);
    const { reg, r, lines } = await resolverWith();
    const res = await r.resolve(SPOTIFY);
    expect(res.level).not.toBe('registry');
    expect(res).toMatchObject({ isrc: ISRC, verified: true, match: { id: 'yydNF8tuVmU' } });
    const rejected = lines.filter((l) => l.event === 'registry.row_rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(String(rejected[0]?.reason)).toMatch(reason);
    expect(rejected[0]).toMatchObject({ level: 'warn', isrc: ISRC });
    await r.idle();
    await reg.close();
  });

  it('a key leading to a row with a wrong ISRC shape: ignored and logged', async () => {
    const cols = Object.keys(good);
    const bad: Record<string, unknown> = { ...good, isrc: 'not-an-isrc' };
    await server.batch(
      [
        { sql: `INSERT OR REPLACE INTO tracks (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, args: cols.map((c) => bad[c] as string | number | null) },
        { sql: 'INSERT OR REPLACE INTO track_keys (key, isrc) VALUES (?, ?)', args: ['tidal:1434886', 'not-an-isrc'] },
      ],
      'write',
    );
    const { reg, lines } = await resolverWith();
    expect(await reg.getByKey('tidal:1434886')).toBeNull();
    expect(lines.find((l) => l.event === 'registry.row_rejected')).toMatchObject({ op: 'getByKey', isrc: 'not-an-isrc', reason: expect.stringMatching(/ISRC/) });
    await reg.close();
  });

  for (const replica of [false, true]) {
    it(`${replica ? 'replica' : 'remote'}: a local override wins over the shared row and never reaches the server`, async () => {
      const { reg, r } = await resolverWith(replica);
      expect((await r.override({ input: SPOTIFY, isrc: ISRC, videoUrl: 'https://www.youtube.com/watch?v=OvErRiDe123' })).saved).toBe(true);
      const res = await r.resolve(SPOTIFY);
      expect(res).toMatchObject({ level: 'override', match: { id: 'OvErRiDe123' } });
      await r.idle();
      await reg.close();
      // The server side: no overrides table, and the override's video id in no table at all.
      const tables = (await server.execute(`SELECT name FROM sqlite_master WHERE type = 'table'`)).rows.map((x) => String(x.name));
      expect(tables).not.toContain('overrides');
      for (const t of tables.filter((x) => !x.startsWith('sqlite_') && !x.startsWith('_'))) {
        const all = await server.execute(`SELECT * FROM "${t}"`);
        expect(JSON.stringify(all.rows), t).not.toContain('OvErRiDe123');
      }
    });
  }
});
