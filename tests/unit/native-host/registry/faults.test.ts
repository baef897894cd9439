/** Error classification for the registry: which failures are auth, which are outages, and that the token is scrubbed. */
import { TaskCancelledError } from 'cockatiel';
import { describe, expect, it } from 'vitest';
import { OpenFailed, describeError, faultCode, isOutage } from '../../../../native-host/registry/faults.js';

describe('registry faults', () => {
  it('401/403 from the server are registry.auth', () => {
    expect(faultCode(new Error('SERVER_ERROR: Server returned HTTP status 401'))).toBe('registry.auth');
    expect(faultCode(new OpenFailed(new Error('SERVER_ERROR: Server returned HTTP status 403')))).toBe('registry.auth');
    expect(isOutage(new Error('SERVER_ERROR: Server returned HTTP status 401'))).toBe(true);
  });
  it('connection trouble and timeouts are outages (registry.unavailable)', () => {
    for (const e of [new TypeError('fetch failed'), new TaskCancelledError('timeout'), new Error('Replication(PrimaryHandshakeTimeout)'), new Error('SQLITE_NOTADB: file is not a database')]) {
      expect(isOutage(e), String(e)).toBe(true);
      expect(faultCode(e)).toBe('registry.unavailable');
    }
  });
  it('one bad statement is not an outage', () => {
    expect(isOutage(new Error('SQLITE_CONSTRAINT: NOT NULL constraint failed: tracks.title'))).toBe(false);
  });
  it('any failure to open is an outage', () => {
    expect(isOutage(new OpenFailed(new Error('something odd')))).toBe(true);
  });
  it('the token never survives into a message', () => {
    const token = 'eyJhbGciOiJFZERTQSJ9.eyJhIjoicncifQ.c2lnbmF0dXJl';
    expect(describeError(new Error(`bad url libsql://db?authToken=${token}`), token)).not.toContain(token);
  });
});
