/**
 * The track registry on libSQL: verified tracks keyed by ISRC (local file, a shared server, or an
 * embedded replica of it), plus the user's overrides in a local file that never reaches the server.
 * Every failure is logged and turned into "not cached": the resolver keeps answering without the
 * registry. Rows read back are validated (rows.ts). Parameterised queries only.
 */
import { existsSync } from 'node:fs';
import type { Client } from '@libsql/client';
import type { MatchCandidate, TrackInfo } from '../../shared/protocol/track.js';
import type { StructuredLog } from '../log/types.js';
import { DEFAULT_OPEN_TIMEOUT_MS, DEFAULT_OP_TIMEOUT_MS, DEFAULT_RETRY_MS, DEFAULT_SYNC_INTERVAL_SEC, registrySpecs, type RegistryOptions } from './config.js';
import type { RegistryHealth } from './faults.js';
import { Link } from './link.js';
import { CACHE_MIGRATIONS, LOCAL_MIGRATIONS } from './migrations/index.js';
import { UPSERT_TRACK, trackArgs } from './queries.js';
import { ISRC, parseRow, type CachedTrack, type VerifiedBy } from './rows.js';

export type { CachedTrack, VerifiedBy } from './rows.js';
export type { RegistryHealth, RegistryFaultCode } from './faults.js';
export { registryOptions, registrySpecs, type RegistryOptions } from './config.js';

export interface Override {
  key: string;
  isrc: string | null;
  videoId: string;
  videoUrl: string;
  createdAt: number;
}

export interface VerifiedEntry {
  track: TrackInfo & { isrc: string; title: string };
  match: MatchCandidate;
  verifiedBy: VerifiedBy;
  level: string;
  /** Other keys that lead to this ISRC: "spotify:ID", "deezer:ID", "youtube:ID", … */
  keys: string[];
}

export interface Registry {
  readonly mode: 'local' | 'remote' | 'replica' | 'none';
  readonly available: boolean;
  /** The cache database's last known state: what doctor, the popup and the panel show. */
  health(): RegistryHealth;
  getByIsrc(isrc: string): Promise<CachedTrack | null>;
  getByKey(key: string): Promise<CachedTrack | null>;
  /** Only ISRC-verified matches come here (the resolver enforces it; this double-checks the ISRC and the row). */
  putVerified(e: VerifiedEntry): Promise<boolean>;
  updatePreview(isrc: string, previewUrl: string): Promise<void>;
  getOverride(keys: string[]): Promise<Override | null>;
  putOverride(o: Omit<Override, 'createdAt'>, keys: string[]): Promise<boolean>;
  close(): Promise<void>;
}

interface Links {
  mode: 'local' | 'remote' | 'replica';
  /** Reads (and, except for a replica, writes). */
  cache: Link;
  /** Replica only: the server over HTTP, for writes and the pre-sync check (async, so a timeout can really give up). */
  writer: Link | null;
  local: Link;
}

function links(opts: RegistryOptions, log: StructuredLog): Links {
  const specs = registrySpecs(opts);
  const common = {
    opTimeoutMs: opts.opTimeoutMs ?? DEFAULT_OP_TIMEOUT_MS,
    openTimeoutMs: opts.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS,
    retryMs: opts.retryMs ?? DEFAULT_RETRY_MS,
    syncIntervalSec: opts.syncIntervalSec ?? DEFAULT_SYNC_INTERVAL_SEC,
    log,
  };
  if (specs.mode === 'local') {
    // One file holds both; a local file is never slow, so only the busy timeout bounds it.
    const both = new Link({ ...common, kind: 'local', spec: specs.cache, server: null, migrations: [...CACHE_MIGRATIONS, ...LOCAL_MIGRATIONS], opTimeoutMs: Math.max(common.opTimeoutMs, 10_000) });
    return { mode: 'local', cache: both, writer: null, local: both };
  }
  const local = new Link({ ...common, kind: 'local', spec: specs.local, server: null, migrations: LOCAL_MIGRATIONS, opTimeoutMs: 10_000 });
  if (specs.mode === 'remote') return { mode: 'remote', cache: new Link({ ...common, kind: 'remote', spec: specs.cache, server: specs.server, migrations: CACHE_MIGRATIONS }), writer: null, local };
  const server = specs.server ?? specs.cache;
  const writer = new Link({ ...common, kind: 'remote', spec: server, server, migrations: CACHE_MIGRATIONS, log: (l) => log({ ...l, mode: 'replica' }) });
  const serverAnswers = () => writer.run('check', (c) => c.execute('SELECT 1').then(() => true), false);
  return { mode: 'replica', cache: new Link({ ...common, kind: 'replica', spec: specs.cache, server: specs.server, migrations: CACHE_MIGRATIONS, serverAnswers }), writer, local };
}

/** Opens (and migrates) the registry. Never throws, and waits at most the open timeout for a shared server. */
export async function openRegistry(opts: RegistryOptions, log: StructuredLog = () => {}): Promise<Registry> {
  const l = links(opts, log);
  const ping = (c: Client) => c.execute('SELECT 1').then(() => true);
  await Promise.all([l.cache.run('open', ping, false), l.writer?.run('open', ping, false), l.local === l.cache ? null : l.local.run('open', ping, false)]);
  return new LibsqlRegistry(l, log);
}

/** What doctor reports: opens the cache database once with the host's settings, checks it, closes it. */
export async function checkRegistry(opts: RegistryOptions): Promise<RegistryHealth> {
  // Doctor never creates the local file: the first resolve does.
  if (!opts.tursoUrl && !existsSync(opts.localPath)) return { mode: 'local', state: 'ok' };
  // A replica is checked at its server: a second replica client on the host's own replica file could race its syncs.
  const l = links({ ...opts, replica: false, syncIntervalSec: 0 }, () => {});
  try {
    await l.cache.run('check', (c) => c.execute('SELECT COUNT(*) FROM tracks'), null);
    return { ...l.cache.health, mode: registrySpecs(opts).mode };
  } finally {
    l.cache.close();
    l.writer?.close();
    if (l.local !== l.cache) l.local.close();
  }
}

class LibsqlRegistry implements Registry {
  readonly mode: Registry['mode'];
  private readonly cache: Link;
  /** Where writes go: the server itself for a replica, else the cache. */
  private readonly writes: Link;
  private readonly local: Link;

  constructor(
    private readonly links: Links,
    private readonly log: StructuredLog,
  ) {
    this.mode = links.mode;
    this.cache = links.cache;
    this.writes = links.writer ?? links.cache;
    this.local = links.local;
  }

  get available(): boolean {
    return this.cache.available && this.writes.health.state === 'ok';
  }

  /** The worse of reads and writes (a replica may read locally while its server refuses the token). */
  health(): RegistryHealth {
    const w = this.writes.health;
    return w.state !== 'ok' ? { ...w, mode: this.mode as RegistryHealth['mode'] } : this.cache.health;
  }

  /** A row that fails validation is logged (without its content) and ignored. */
  private accept(op: string, raw: unknown): CachedTrack | null {
    if (raw === undefined) return null;
    const r = parseRow(raw);
    if (r.ok) return r.value;
    this.log({ level: 'warn', event: 'registry.row_rejected', op, mode: this.mode, isrc: r.isrc, reason: r.reason });
    return null;
  }

  async getByIsrc(isrc: string): Promise<CachedTrack | null> {
    const raw = await this.cache.run('getByIsrc', async (c) => (await c.execute({ sql: 'SELECT * FROM tracks WHERE isrc = ?', args: [isrc.toUpperCase()] })).rows[0], undefined);
    return this.accept('getByIsrc', raw);
  }

  async getByKey(key: string): Promise<CachedTrack | null> {
    const raw = await this.cache.run(
      'getByKey',
      async (c) => (await c.execute({ sql: 'SELECT t.* FROM track_keys k JOIN tracks t ON t.isrc = k.isrc WHERE k.key = ?', args: [key] })).rows[0],
      undefined,
    );
    return this.accept('getByKey', raw);
  }

  putVerified(e: VerifiedEntry): Promise<boolean> {
    const isrc = e.track.isrc.toUpperCase();
    if (!ISRC.test(isrc)) return Promise.resolve(false);
    const args = trackArgs(e, isrc, Date.now());
    // The same rules as for reading: a row other machines would reject is never written.
    const check = parseRow(Object.fromEntries(args.named));
    if (!check.ok) {
      this.log({ level: 'warn', event: 'registry.row_refused', mode: this.mode, isrc, reason: check.reason });
      return Promise.resolve(false);
    }
    const written = this.writes.write(
      'putVerified',
      async (c) => {
        await c.batch(
          [{ sql: UPSERT_TRACK, args: args.values }, ...[...new Set(e.keys)].map((key) => ({ sql: 'INSERT OR REPLACE INTO track_keys (key, isrc) VALUES (?, ?)', args: [key, isrc] }))],
          'write',
        );
        return true;
      },
      false,
    );
    // A replica reads its own write after the next (guarded, shared) sync.
    return this.links.writer ? written.then(async (ok) => (ok && (await this.cache.syncAfterWrite()), ok)) : written;
  }

  async updatePreview(isrc: string, previewUrl: string): Promise<void> {
    if (!/^https?:\/\//i.test(previewUrl)) return;
    await this.writes.write(
      'updatePreview',
      (c) => c.execute({ sql: 'UPDATE tracks SET preview_url = ?, preview_checked_at = ? WHERE isrc = ?', args: [previewUrl, Date.now(), isrc.toUpperCase()] }),
      null,
    );
  }

  getOverride(keys: string[]): Promise<Override | null> {
    if (!keys.length) return Promise.resolve(null);
    return this.local.run(
      'getOverride',
      async (c) => {
        const r = await c.execute({
          sql: `SELECT key, isrc, video_id, video_url, created_at FROM overrides WHERE key IN (${keys.map(() => '?').join(', ')}) ORDER BY created_at DESC LIMIT 1`,
          args: keys,
        });
        const row = r.rows[0];
        if (!row) return null;
        return { key: String(row.key), isrc: row.isrc == null ? null : String(row.isrc), videoId: String(row.video_id), videoUrl: String(row.video_url), createdAt: Number(row.created_at) };
      },
      null,
    );
  }

  putOverride(o: Omit<Override, 'createdAt'>, keys: string[]): Promise<boolean> {
    const all = [...new Set([o.key, ...keys])];
    return this.local.run(
      'putOverride',
      async (c) => {
        const now = Date.now();
        await c.batch(
          all.map((key) => ({ sql: 'INSERT OR REPLACE INTO overrides (key, isrc, video_id, video_url, created_at) VALUES (?, ?, ?, ?, ?)', args: [key, o.isrc, o.videoId, o.videoUrl, now] })),
          'write',
        );
        return true;
      },
      false,
    );
  }

  async close(): Promise<void> {
    this.cache.close();
    this.links.writer?.close();
    this.local.close();
  }
}

/** A registry that caches nothing (--no-cache, tests, or when none is configured). */
export const noRegistry: Registry = {
  mode: 'none',
  available: false,
  health: () => ({ mode: 'none', state: 'off' }),
  getByIsrc: async () => null,
  getByKey: async () => null,
  putVerified: async () => false,
  updatePreview: async () => {},
  getOverride: async () => null,
  putOverride: async () => false,
  close: async () => {},
};
