/** A provider failure as a value: levels catch these, nothing throws past a level. */
export type ProviderFailure = 'timeout' | 'network' | 'http' | 'throttled' | 'bad_body' | 'api_error' | 'circuit_open' | 'aborted' | 'not_found';

export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    readonly reason: ProviderFailure,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`${provider}: ${message}`, options);
    this.name = 'ProviderError';
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProviderError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: ProviderError): Result<T> => ({ ok: false, error });
