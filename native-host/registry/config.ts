/**
 * Which database the registry uses: the embedded local file by default, Turso / a self-hosted sqld
 * when TURSO_URL is set, or an embedded replica of it (local file synced from the server) when a
 * replica is asked for. Overrides always live in a local file: they are the user's choice, not ISRC-verified.
 */
import type { HostConfig } from '../config/schema.js';

export interface RegistryOptions {
  /** Local database file (under the host's data dir). */
  localPath: string;
  /** TURSO_URL (libsql://…, https://…, or http://127.0.0.1:PORT for a local sqld); null = local only. */
  tursoUrl?: string | null;
  /** TURSO_AUTH_TOKEN (a JWT). A secret: never logged, never sent to the extension. */
  authToken?: string | null;
  /** Use an embedded replica of tursoUrl instead of talking to it directly (NEXSTREAM_TURSO_REPLICA=1). */
  replica?: boolean;
  /** Replica only: how often rows written by other machines are pulled, default 60 s (NEXSTREAM_TURSO_SYNC_SEC). */
  syncIntervalSec?: number;
  /** Longest wait for one shared-registry call before the resolve goes on uncached, default 2000 ms. */
  opTimeoutMs?: number;
  /** Longest wait for connecting (migrations, a replica's first sync), default 5000 ms. */
  openTimeoutMs?: number;
  /** After an outage or auth failure, how long the registry stays off before it tries again, default 5000 ms. */
  retryMs?: number;
  /** Busy timeout for local files, default 5000 ms (two host processes share the file). */
  busyTimeoutMs?: number;
}

export interface ClientSpec {
  url: string;
  authToken?: string;
  syncUrl?: string;
  timeout?: number;
}

export interface RegistrySpecs {
  mode: 'local' | 'remote' | 'replica';
  /** Where verified tracks are cached (shared across machines when remote/replica). */
  cache: ClientSpec;
  /** The server itself (remote and replica): what auth and reachability are checked against. */
  server: ClientSpec | null;
  /** Where overrides live: always a local file. */
  local: ClientSpec;
}

/** The registry settings in the host's config (one place, for the resolver and doctor). */
export function registryOptions(c: HostConfig): RegistryOptions {
  return { localPath: c.paths.registryPath, tursoUrl: c.tursoUrl, authToken: c.secrets.tursoAuthToken, replica: c.tursoReplica, syncIntervalSec: c.tursoSyncSec };
}

export const DEFAULT_SYNC_INTERVAL_SEC = 60;
export const DEFAULT_OP_TIMEOUT_MS = 2000;
export const DEFAULT_RETRY_MS = 5000;
export const DEFAULT_OPEN_TIMEOUT_MS = 5000;

const fileUrl = (p: string) => `file:${p}`;

export function registrySpecs(o: RegistryOptions): RegistrySpecs {
  const timeout = o.busyTimeoutMs ?? 5000;
  const local: ClientSpec = { url: fileUrl(o.localPath), timeout };
  if (!o.tursoUrl) return { mode: 'local', cache: local, server: null, local };
  const auth = o.authToken ? { authToken: o.authToken } : {};
  const server: ClientSpec = { url: o.tursoUrl, ...auth };
  // The overrides file is separate so nothing of the user's own choices can sync to the server.
  const overrides: ClientSpec = { url: fileUrl(o.localPath.replace(/(\.db)?$/, '-local.db')), timeout };
  if (o.replica) {
    return { mode: 'replica', cache: { url: fileUrl(o.localPath.replace(/(\.db)?$/, '-replica.db')), syncUrl: o.tursoUrl, ...auth }, server, local: overrides };
  }
  return { mode: 'remote', cache: server, server, local: overrides };
}
