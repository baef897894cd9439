/**
 * sqld with JWT auth (an Ed25519 public key; EdDSA tokens signed in tests/fixtures/sqld.ts with node:crypto):
 * the right token works; a wrong, expired or missing one is `registry.auth` in the registry's health,
 * in doctor (CLI and the native `doctor` request the panel shows) while resolves go on uncached.
 * The token is never in a log, on stdout/stderr, or in any message to the extension.
 */
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistry } from '../../../../native-host/registry/index.js';
import { FAKE_YTDLP, SEARCH_CANDIDATES } from '../../../fixtures/providers/endpoints.js';
import { loadCatalog, startProviders, type StandIns } from '../../../fixtures/providers/servers.js';
import { jwtKeys, sqldSkipReason, startSqld, type JwtKeys, type Sqld } from '../../../fixtures/sqld.js';
import { buildHost, startHost } from '../host-process.js';
import { SPOTIFY, machine, type Machine } from './machines.js';
import { ISRC, entry, tmpDirs } from './support.js';

const skip = sqldSkipReason();
if (skip) console.warn(skip);

describe.skipIf(skip)('shared registry with JWT auth', () => {
  let built: Awaited<ReturnType<typeof buildHost>>;
  let s: StandIns;
  let sqld: Sqld;
  let keys: JwtKeys;
  const machines: Machine[] = [];
  const dirs = tmpDirs();
  beforeAll(async () => {
    keys = jwtKeys();
    [built, s, sqld] = await Promise.all([buildHost(), startProviders(), startSqld({ jwtPublicPem: keys.publicPem })]);
    s.setCatalog(loadCatalog());
  });
  afterAll(async () => {
    for (const m of machines) m.dispose();
    dirs.dispose();
    built?.dispose();
    await Promise.all([s?.close(), sqld?.dispose()]);
  });
  const rows = async () => {
    const c = createClient({ url: sqld.url, authToken: keys.token() });
    try {
      const t = await c.execute(`SELECT name FROM sqlite_master WHERE name = 'tracks'`);
      return t.rows.length ? Number((await c.execute('SELECT COUNT(*) AS n FROM tracks')).rows[0]?.n) : 0;
    } finally {
      c.close();
    }
  };
  const bad = () => ({ wrong: jwtKeys().token(), expired: keys.token({ expSec: -3600 }), missing: undefined, garbage: 'not-a-jwt' });

  it('the right token: opens, writes, reads; doctor says ok', async () => {
    const token = keys.token();
    const reg = await openRegistry({ localPath: dirs.file('ok.db'), tursoUrl: sqld.url, authToken: token });
    expect(reg.health()).toEqual({ mode: 'remote', state: 'ok' });
    expect(await reg.putVerified(entry())).toBe(true);
    expect((await reg.getByIsrc(ISRC))?.match.id).toBe('yydNF8tuVmU');
    await reg.close();
    const m = machine(built.entry, s, { url: sqld.url, token });
    machines.push(m);
    const d = await m.doctor();
    expect(d.json?.registry).toEqual({ mode: 'remote', state: 'ok' });
    // A replica machine is checked at its server, with its token.
    const rm = machine(built.entry, s, { url: sqld.url, token: jwtKeys().token(), replica: true });
    machines.push(rm);
    const rd = await rm.doctor();
    expect(rd.json?.registry).toMatchObject({ mode: 'replica', state: 'auth', code: 'registry.auth' });
  });

  it('a read-only token reads the shared rows but cannot write: registry.auth on the write', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const reg = await openRegistry({ localPath: dirs.file('ro.db'), tursoUrl: sqld.url, authToken: keys.token({ access: 'ro' }) }, (l) => lines.push(l));
    expect(reg.health().state).toBe('ok');
    expect((await reg.getByIsrc(ISRC))?.match.id).toBe('yydNF8tuVmU');
    expect(await reg.putVerified(entry('USROX2500001'))).toBe(false);
    expect(reg.health()).toMatchObject({ state: 'auth', code: 'registry.auth' });
    expect(lines.find((l) => l.event === 'registry.auth')).toMatchObject({ op: 'putVerified' });
    await reg.close();
  });

  for (const replica of [false, true]) {
    it(`${replica ? 'replica' : 'remote'}: wrong, expired, missing or garbage token is registry.auth, fast, and never logged`, async () => {
      for (const [kind, token] of Object.entries(bad())) {
        const lines: Array<Record<string, unknown>> = [];
        const t0 = Date.now();
        const reg = await openRegistry({ localPath: dirs.file(`${kind}.db`), tursoUrl: sqld.url, authToken: token, replica }, (l) => lines.push(l));
        expect(Date.now() - t0, kind).toBeLessThan(2500);
        expect(reg.health(), kind).toMatchObject({ mode: replica ? 'replica' : 'remote', state: 'auth', code: 'registry.auth' });
        expect(reg.health().message).toMatch(/TURSO_AUTH_TOKEN/);
        expect(await reg.getByIsrc(ISRC)).toBeNull();
        expect(await reg.putVerified(entry())).toBe(false);
        // Overrides are local: they still work.
        expect(await reg.putOverride({ key: 'spotify:x', isrc: null, videoId: 'yydNF8tuVmU', videoUrl: 'https://youtu.be/yydNF8tuVmU' }, [])).toBe(true);
        // Once per connection, not per call: a replica has two (its file's sync, and its server for writes).
        expect(lines.filter((l) => l.event === 'registry.auth')).toHaveLength(replica ? 2 : 1);
        if (token) expect(JSON.stringify(lines)).not.toContain(token);
        await reg.close();
      }
    });
  }

  it('a machine with a bad token still resolves (uncached), doctor names registry.auth, nothing leaks', async () => {
    const before = await rows();
    for (const [kind, token] of Object.entries(bad())) {
      const m = machine(built.entry, s, { url: sqld.url, token, viaConfigFile: kind === 'expired' });
      machines.push(m);
      const r = await m.resolve(SPOTIFY);
      expect(r.code, `${kind}: ${r.stderr}`).toBe(0);
      expect(r.json, kind).toMatchObject({ isrc: ISRC, verified: true });
      expect(r.json?.level).not.toBe('registry');
      expect(r.ms, kind).toBeLessThan(20_000);
      const d = await m.doctor();
      expect(d.code, kind).toBe(1);
      expect(d.json?.registry, kind).toMatchObject({ state: 'auth', code: 'registry.auth' });
      expect(m.log(), kind).toContain('registry.auth');
      if (token) for (const text of [r.stdout, r.stderr, d.stdout, d.stderr, m.log()]) expect(text).not.toContain(token);
    }
    // Nothing was written with a bad token.
    expect(await rows()).toBe(before);
  });

  it('over native messaging: doctor carries registry.auth to the panel; no frame carries the token', async () => {
    const token = jwtKeys().token();
    const h = startHost(built.entry, {
      TURSO_URL: sqld.url,
      TURSO_AUTH_TOKEN: token,
      NEXSTREAM_DEEZER_API: s.deezer.url,
      NEXSTREAM_ITUNES_API: s.itunes.url,
      NEXSTREAM_ODESLI_API: s.odesli.url,
      NEXSTREAM_YTDLP: FAKE_YTDLP,
      NEXSTREAM_FAKE_SEARCH_CANDIDATES: SEARCH_CANDIDATES,
    });
    try {
      h.send({ id: 'r1', type: 'resolve', input: SPOTIFY });
      expect(await h.reply('r1', 30_000)).toMatchObject({ ok: true, result: { isrc: ISRC, verified: true } });
      h.send({ id: 'd1', type: 'doctor' });
      expect(await h.reply('d1', 20_000)).toMatchObject({ ok: true, result: { registry: { mode: 'remote', state: 'auth', code: 'registry.auth' } } });
      h.send({ id: 'c1', type: 'config.get' });
      await h.reply('c1');
      h.send({ id: 'l1', type: 'logs.tail' });
      await h.reply('l1').catch(() => null);
      const wire = JSON.stringify(h.messages);
      expect(wire).toContain('registry.auth');
      expect(wire).not.toContain(token);
      expect(h.stderr()).not.toContain(token);
    } finally {
      h.cleanup();
    }
  });
});
