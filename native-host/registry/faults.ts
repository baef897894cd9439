/**
 * What went wrong with the registry, as a stable code: `registry.auth` (the server refused the token:
 * missing, wrong, expired, read-only) or `registry.unavailable` (down, unreachable, timed out, corrupt
 * file). Messages never carry the token.
 */
import { TaskCancelledError } from 'cockatiel';

export type RegistryFaultCode = 'registry.auth' | 'registry.unavailable';

export interface RegistryHealth {
  mode: 'local' | 'remote' | 'replica' | 'none';
  /** ok = last call worked; off = no registry configured (--no-cache, tests). */
  state: 'ok' | 'off' | 'auth' | 'unavailable';
  code?: RegistryFaultCode;
  message?: string;
}

// sqld answers 401 to a missing, malformed, wrongly signed or expired JWT, and 403 to a write with a read-only one.
const AUTH = /HTTP status 40[13]\b|unauthori[sz]ed|forbidden|invalid token|\bJWT\b/i;
// Connection-level trouble: retrying later may work. SQL errors (constraint, syntax) are not outages.
const OUTAGE = /fetch failed|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|socket|connect|Unavailable|Handshake|HTTP status 5\d\d|terminated|closed|sync error|WriteDelegation|Replication|SQLITE_NOTADB|not a database|SQLITE_CANTOPEN|SQLITE_CORRUPT|unable to open/i;

/** Opening (connect, migrate, first sync) failed: whatever the cause, the database is not usable now. */
export class OpenFailed extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'OpenFailed';
  }
}

export function describeError(e: unknown, secret?: string | null): string {
  const inner = e instanceof OpenFailed ? e.cause : e;
  const text = inner instanceof Error ? `${(inner as { code?: string }).code ?? inner.name}: ${inner.message}${inner.cause instanceof Error ? ` (${inner.cause.message})` : ''}` : String(inner);
  const clean = secret ? text.split(secret).join('[redacted]') : text;
  return clean.slice(0, 300);
}

export function faultCode(e: unknown): RegistryFaultCode {
  return AUTH.test(describeError(e)) ? 'registry.auth' : 'registry.unavailable';
}

/** Errors that mean "the registry is not usable right now" (open the breaker), as opposed to one bad statement. */
export function isOutage(e: unknown): boolean {
  if (e instanceof TaskCancelledError || e instanceof OpenFailed) return true;
  const text = describeError(e);
  return AUTH.test(text) || OUTAGE.test(text);
}

export function faultMessage(code: RegistryFaultCode, mode: RegistryHealth['mode'], detail: string): string {
  if (code === 'registry.auth') return `The shared registry refused the token (TURSO_AUTH_TOKEN missing, wrong or expired): resolving without it. ${detail}`;
  return mode === 'local' ? `The local registry file cannot be used: resolving without it. ${detail}` : `The shared registry (TURSO_URL) is unreachable: resolving without it until it is back. ${detail}`;
}
