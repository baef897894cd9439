/**
 * Applies pending migrations inside one write transaction, so two host processes starting at once
 * serialise on the lock (busy timeout) instead of both applying them. A database already at the
 * latest version (another host migrated the shared server) is only read, never write-locked.
 */
import type { Client } from '@libsql/client';
import type { Migration } from './migrations/index.js';

const VERSION = 'SELECT COALESCE(MAX(version), 0) AS v FROM schema_version';

export async function migrate(client: Client, migrations: Migration[]): Promise<number> {
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const seen = await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`);
  if (seen.rows.length) {
    const current = Number((await client.execute(VERSION)).rows[0]?.v ?? 0);
    if (current >= latest && (await hasAll(client, migrations))) return current;
  }
  await client.execute('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const tx = await client.transaction('write');
  try {
    const r = await tx.execute('SELECT version FROM schema_version');
    const done = new Set(r.rows.map((row) => Number(row.version)));
    let applied = Math.max(0, ...done);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) await tx.execute(sql);
      await tx.execute({ sql: 'INSERT OR IGNORE INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', args: [m.version, m.name, Date.now()] });
      applied = Math.max(applied, m.version);
    }
    await tx.commit();
    return applied;
  } finally {
    tx.close();
  }
}

/** Versions are per database set (the cache has 1, the overrides file 2): check each one, not just the maximum. */
async function hasAll(client: Client, migrations: Migration[]): Promise<boolean> {
  if (!migrations.length) return true;
  const r = await client.execute({ sql: `SELECT COUNT(*) AS n FROM schema_version WHERE version IN (${migrations.map(() => '?').join(', ')})`, args: migrations.map((m) => m.version) });
  return Number(r.rows[0]?.n ?? 0) === migrations.length;
}
