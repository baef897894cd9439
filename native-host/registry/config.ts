/**
 * Which database the registry uses: the embedded local file by default, Turso when TURSO_URL is
 * set, or an embedded replica of it (local file synced to Turso) when a replica is asked for.
 * Overrides always live in a local file: they are the user's choice, not ISRC-verified.
 */
export interface RegistryOptions {
  /** Local database file (under the host's data dir). */
  localPath: string;
  /** TURSO_URL (libsql://… or https://…); null = local only. */
  tursoUrl?: string | null;
  /** TURSO_AUTH_TOKEN. */
  authToken?: string | null;
  /** Use an embedded replica of tursoUrl instead of talking to it directly (NEXSTREAM_TURSO_REPLICA=1). */
  replica?: boolean;
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
  /** Where overrides live: always a local file. */
  local: ClientSpec;
}

const fileUrl = (p: string) => `file:${p}`;

export function registrySpecs(o: RegistryOptions): RegistrySpecs {
  const timeout = o.busyTimeoutMs ?? 5000;
  const local: ClientSpec = { url: fileUrl(o.localPath), timeout };
  if (!o.tursoUrl) return { mode: 'local', cache: local, local };
  const auth = o.authToken ? { authToken: o.authToken } : {};
  // The overrides file is separate so nothing of the user's own choices can sync to Turso.
  const overrides: ClientSpec = { url: fileUrl(o.localPath.replace(/(\.db)?$/, '-local.db')), timeout };
  if (o.replica) {
    return { mode: 'replica', cache: { url: fileUrl(o.localPath.replace(/(\.db)?$/, '-replica.db')), syncUrl: o.tursoUrl, ...auth }, local: overrides };
  }
  return { mode: 'remote', cache: { url: o.tursoUrl, ...auth }, local: overrides };
}
