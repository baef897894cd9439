/**
 * Applies pending migrations inside one write transaction, so two host processes starting at once
 * serialise on the lock (busy timeout) instead of both applying them.
 */
import type { Client } from '@libsql/client';
import type { Migration } from './migrations/index.js';

export async function migrate(client: Client, migrations: Migration[]): Promise<number> {
  await client.execute('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const tx = await client.transaction('write');
  try {
    const r = await tx.execute('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version');
    const current = Number(r.rows[0]?.v ?? 0);
    let applied = current;
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      for (const sql of m.statements) await tx.execute(sql);
      await tx.execute({ sql: 'INSERT OR IGNORE INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', args: [m.version, m.name, Date.now()] });
      applied = m.version;
    }
    await tx.commit();
    return applied;
  } finally {
    tx.close();
  }
}
