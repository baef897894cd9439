/** Two processes (two browser profiles' hosts) writing the same local registry file at once: no lost writes, no "database is locked". */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultEnv, type FaultEnv } from './fault-env.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const COUNT = 150;
let env: FaultEnv;
beforeAll(async () => {
  env = await faultEnv();
});
afterAll(() => env?.dispose());

describe('registry shared by two processes', () => {
  it('keeps every write from both and never reports a locked database', async () => {
    const db = path.join(env.tmp('reg'), 'registry.db');
    const writer = (name: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(here, 'registry-writer.ts'), db, name, String(COUNT)], { cwd: path.resolve(here, '../..'), timeout: 90_000 });
    const [a, b] = await Promise.all([writer('a'), writer('b')]);
    for (const r of [a, b]) {
      expect(r.stderr).not.toMatch(/database is locked|SQLITE_BUSY/i);
      const summary = JSON.parse(r.stdout) as { failed: number; errors: string[] };
      expect(summary).toEqual(expect.objectContaining({ failed: 0, errors: [] }));
    }
    const c = createClient({ url: `file:${db}` });
    expect(Number((await c.execute('SELECT COUNT(*) AS n FROM tracks')).rows[0]?.n)).toBe(2 * COUNT);
    expect(Number((await c.execute('SELECT COUNT(*) AS n FROM overrides')).rows[0]?.n)).toBe(2 * COUNT);
    expect(Number((await c.execute('SELECT COUNT(*) AS n FROM track_keys')).rows[0]?.n)).toBe(2 * COUNT);
    expect(String((await c.execute('PRAGMA integrity_check')).rows[0]?.[0])).toBe('ok');
    c.close();
  }, 120_000);
});
