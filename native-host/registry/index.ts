/**
 * The track registry on libSQL: verified tracks keyed by ISRC (local file, Turso, or an embedded
 * replica), plus the user's overrides in a local file. Every failure is logged and turned into
 * "not cached": the resolver keeps answering without the registry. Parameterised queries only.
 */
import type { Client } from '@libsql/client';
import type { MatchCandidate, TrackInfo } from '../../shared/protocol/track.js';
import type { ResolverLog } from '../resolver/types.js';
import { registrySpecs, type ClientSpec, type RegistryOptions } from './config.js';
import { migrate } from './migrate.js';
import { CACHE_MIGRATIONS, LOCAL_MIGRATIONS } from './migrations/index.js';
import { rowToCached, type CachedTrack, type VerifiedBy } from './rows.js';

export type { CachedTrack, VerifiedBy } from './rows.js';
export { registrySpecs, type RegistryOptions } from './config.js';

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
  getByIsrc(isrc: string): Promise<CachedTrack | null>;
  getByKey(key: string): Promise<CachedTrack | null>;
  /** Only ISRC-verified matches come here (the resolver enforces it; this double-checks the ISRC). */
  putVerified(e: VerifiedEntry): Promise<boolean>;
  updatePreview(isrc: string, previewUrl: string): Promise<void>;
  getOverride(keys: string[]): Promise<Override | null>;
  putOverride(o: Omit<Override, 'createdAt'>, keys: string[]): Promise<boolean>;
  close(): Promise<void>;
}

const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

const BUSY = /SQLITE_BUSY|database is locked/i;

/** Opens with a few bounded retries: switching to WAL needs a moment alone with the file, and SQLite does not wait for that. */
async function open(spec: ClientSpec, migrations: typeof CACHE_MIGRATIONS, local: boolean): Promise<Client> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openOnce(spec, migrations, local);
    } catch (e) {
      if (attempt >= 6 || !BUSY.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 50));
    }
  }
}

async function openOnce(spec: ClientSpec, migrations: typeof CACHE_MIGRATIONS, local: boolean): Promise<Client> {
  // Loaded on first open, not at host start: the driver takes ~0.5 s to import and only resolves need it.
  const { createClient } = await import('@libsql/client');
  const client = createClient(spec);
  try {
    if (local && !spec.syncUrl) {
      const mode = await client.execute('PRAGMA journal_mode');
      if (String(mode.rows[0]?.journal_mode ?? '').toLowerCase() !== 'wal') await client.execute('PRAGMA journal_mode=WAL');
    }
    if (spec.syncUrl) await client.sync();
    await migrate(client, migrations);
    return client;
  } catch (e) {
    client.close();
    throw e;
  }
}

const describe = (e: unknown) => (e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e)).slice(0, 300);

/** Opens (and migrates) the registry. Never throws: a broken database gives a registry that caches nothing. */
export async function openRegistry(opts: RegistryOptions, log: ResolverLog = () => {}): Promise<Registry> {
  const specs = registrySpecs(opts);
  let cache: Client | null = null;
  let local: Client | null = null;
  try {
    cache = await open(specs.cache, specs.mode === 'local' ? [...CACHE_MIGRATIONS, ...LOCAL_MIGRATIONS] : CACHE_MIGRATIONS, specs.mode !== 'remote');
  } catch (e) {
    log({ level: 'error', event: 'registry.unavailable', mode: specs.mode, error: describe(e), note: 'resolving without the registry cache' });
  }
  if (specs.mode === 'local') local = cache;
  else {
    try {
      local = await open(specs.local, LOCAL_MIGRATIONS, true);
    } catch (e) {
      log({ level: 'error', event: 'registry.unavailable', mode: 'local-overrides', error: describe(e) });
    }
  }
  return new LibsqlRegistry(specs.mode, cache, local, log);
}

class LibsqlRegistry implements Registry {
  constructor(
    readonly mode: Registry['mode'],
    private cache: Client | null,
    private local: Client | null,
    private readonly log: ResolverLog,
  ) {}

  get available(): boolean {
    return this.cache !== null;
  }

  /** Runs a query; on failure logs once per call and answers `fallback`. */
  private async safe<T>(what: string, client: Client | null, fn: (c: Client) => Promise<T>, fallback: T): Promise<T> {
    if (!client) return fallback;
    try {
      return await fn(client);
    } catch (e) {
      this.log({ level: 'error', event: 'registry.error', op: what, error: describe(e) });
      return fallback;
    }
  }

  getByIsrc(isrc: string): Promise<CachedTrack | null> {
    return this.safe('getByIsrc', this.cache, async (c) => rowToCached((await c.execute({ sql: 'SELECT * FROM tracks WHERE isrc = ?', args: [isrc.toUpperCase()] })).rows[0]), null);
  }

  getByKey(key: string): Promise<CachedTrack | null> {
    return this.safe(
      'getByKey',
      this.cache,
      async (c) => rowToCached((await c.execute({ sql: 'SELECT t.* FROM track_keys k JOIN tracks t ON t.isrc = k.isrc WHERE k.key = ?', args: [key] })).rows[0]),
      null,
    );
  }

  putVerified(e: VerifiedEntry): Promise<boolean> {
    const isrc = e.track.isrc.toUpperCase();
    if (!ISRC.test(isrc)) return Promise.resolve(false);
    const t = e.track;
    const m = e.match;
    return this.safe(
      'putVerified',
      this.cache,
      async (c) => {
        await c.batch(
          [
            {
              sql: `INSERT INTO tracks (isrc, title, artists, album, duration_sec, artwork_url, preview_url, track_number, release_date,
                      match_id, match_url, match_title, match_channel, match_duration_sec, match_score, verified_by, level, resolved_at, preview_checked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(isrc) DO UPDATE SET title = excluded.title, artists = excluded.artists, album = excluded.album,
                      duration_sec = excluded.duration_sec, artwork_url = excluded.artwork_url, preview_url = excluded.preview_url,
                      track_number = excluded.track_number, release_date = excluded.release_date, match_id = excluded.match_id,
                      match_url = excluded.match_url, match_title = excluded.match_title, match_channel = excluded.match_channel,
                      match_duration_sec = excluded.match_duration_sec, match_score = excluded.match_score, verified_by = excluded.verified_by,
                      level = excluded.level, resolved_at = excluded.resolved_at, preview_checked_at = excluded.preview_checked_at`,
              args: [
                isrc, t.title, JSON.stringify(t.artists), t.album, t.durationSec, t.artworkUrl, t.previewUrl, t.trackNumber ?? null, t.releaseDate ?? null,
                m.id, m.url, m.title, m.channel, m.durationSec, m.score, e.verifiedBy, e.level, Date.now(), Date.now(),
              ],
            },
            ...[...new Set(e.keys)].map((key) => ({ sql: 'INSERT OR REPLACE INTO track_keys (key, isrc) VALUES (?, ?)', args: [key, isrc] })),
          ],
          'write',
        );
        return true;
      },
      false,
    );
  }

  async updatePreview(isrc: string, previewUrl: string): Promise<void> {
    await this.safe(
      'updatePreview',
      this.cache,
      (c) => c.execute({ sql: 'UPDATE tracks SET preview_url = ?, preview_checked_at = ? WHERE isrc = ?', args: [previewUrl, Date.now(), isrc.toUpperCase()] }),
      null,
    );
  }

  getOverride(keys: string[]): Promise<Override | null> {
    if (!keys.length) return Promise.resolve(null);
    return this.safe(
      'getOverride',
      this.local,
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
    return this.safe(
      'putOverride',
      this.local,
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
    this.cache?.close();
    if (this.local !== this.cache) this.local?.close();
    this.cache = null;
    this.local = null;
  }
}

/** A registry that caches nothing (--no-cache, tests, or when none is configured). */
export const noRegistry: Registry = {
  mode: 'none',
  available: false,
  getByIsrc: async () => null,
  getByKey: async () => null,
  putVerified: async () => false,
  updatePreview: async () => {},
  getOverride: async () => null,
  putOverride: async () => false,
  close: async () => {},
};
