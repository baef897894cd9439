import type { ErrorCode } from '../../shared/errors.js';
import type { ErrorPayload } from '../../shared/protocol/index.js';

/** A failed host request: the host's error payload, or one made on this side (timeout, disconnect). */
export class HostRequestError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(payload: ErrorPayload, options?: { cause?: unknown }) {
    super(payload.message, options);
    this.name = 'HostRequestError';
    this.code = payload.code;
    if (payload.details) this.details = payload.details;
  }
  toPayload(): ErrorPayload {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** Any thrown value as a payload the UI can show. */
export function asErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof HostRequestError) return e.toPayload();
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Maps the browser's disconnect reason to a stable code. The strings are Chromium's; Firefox says
 * "No such native application" for a missing manifest.
 */
export function classifyDisconnect(message: string | undefined): ErrorPayload {
  const text = message ?? 'Native host disconnected.';
  if (/not found|no such native application/i.test(text)) return { code: 'host.not_installed', message: text };
  if (/forbidden/i.test(text)) return { code: 'host.not_installed', message: text, details: { forbidden: true } };
  return { code: 'host.disconnected', message: text };
}
