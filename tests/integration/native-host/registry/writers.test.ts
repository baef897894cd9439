/**
 * Four hosts resolving and writing through one real sqld at once: 0 lost writes, 0 "database is locked",
 * and each write idempotent (an ISRC all four write is one row; the track all four resolve is one row).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_CANDIDATES } from '../../../fixtures/providers/endpoints.js';
import { loadCatalog, startProviders, type StandIns } from '../../../fixtures/providers/servers.js';
import { sqldSkipReason, startSqld } from '../../../fixtures/sqld.js';
import { ISRC } from './support.js';

const skip = sqldSkipReason();
if (skip) console.warn(skip);
const here = path.dirname(fileURLToPath(import.meta.url));
const WRITERS = ['ann', 'bob', 'cat', 'dan'];

describe.skipIf(skip)('many writers on one sqld', () => {
  let s: StandIns;
  beforeAll(async () => {
    s = await startProviders();
    s.setCatalog(loadCatalog());
  });
  afterAll(() => s?.close());

  for (const [mode, count] of [['remote', 80], ['replica', 30]] as const) {
    it(`${mode}: 4 hosts x ${2 * count} writes at once: none lost, none locked, idempotent`, async () => {
      const srv = await startSqld();
      try {
        const endpoints = JSON.stringify({ deezer: s.deezer.url, itunes: s.itunes.url, odesli: s.odesli.url });
        const t0 = Date.now();
        const runs = await Promise.all(
          WRITERS.map((w) =>
            promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(here, 'remote-writer.ts'), srv.url, w, String(count), mode, endpoints], {
              cwd: path.resolve(here, '../../../..'),
              // Four tsx-compiled hosts at once on 2 cores beside the rest of the suite: generous, still bounded.
              timeout: 150_000,
              env: { ...process.env, NEXSTREAM_FAKE_SEARCH_CANDIDATES: SEARCH_CANDIDATES },
            }),
          ),
        );
        const ms = Date.now() - t0;
        const summaries = runs.map((r) => JSON.parse(r.stdout) as { name: string; failed: number; errors: string[]; level: string });
        for (const [i, r] of runs.entries()) {
          expect(r.stderr).not.toMatch(/database is locked|SQLITE_BUSY/i);
          expect(summaries[i]).toMatchObject({ failed: 0, errors: [] });
        }
        const c = createClient({ url: srv.url });
        const n = async (sql: string) => Number((await c.execute(sql)).rows[0]?.n);
        // Own ISRCs: 4 x count; shared ISRCs: count (written four times, one row each); the resolved track: one row.
        expect(await n(`SELECT COUNT(*) AS n FROM tracks WHERE isrc LIKE 'USSHR%'`)).toBe(count);
        expect(await n(`SELECT COUNT(*) AS n FROM tracks WHERE isrc = '${ISRC}'`)).toBe(1);
        expect(await n('SELECT COUNT(*) AS n FROM tracks')).toBe(4 * count + count + 1);
        expect(await n(`SELECT COUNT(*) AS n FROM track_keys WHERE key LIKE 'writer:%'`)).toBe(4 * 2 * count);
        expect(String((await c.execute('PRAGMA integrity_check')).rows[0]?.[0])).toBe('ok');
        c.close();
        console.log(`[writers] ${mode}: 4 hosts x ${2 * count} writes + 1 resolve each in ${ms} ms; lost 0, locked 0; levels ${summaries.map((x) => x.level).join(',')}`);
      } finally {
        await srv.dispose();
      }
    }, 240_000);
  }
});
