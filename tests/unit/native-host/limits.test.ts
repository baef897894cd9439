import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS_MS } from '../../../extension/host/timeouts.js';
import { LIMITS } from '../../../native-host/limits.js';

describe('native-host/limits', () => {
  it('every limit is a positive finite number', () => {
    for (const [k, v] of Object.entries(LIMITS)) expect(Number.isFinite(v) && v >= 0, k).toBe(true);
  });
  it('the extension waits longer than the host on probe and resolve, so the host reports first', () => {
    expect(DEFAULT_TIMEOUTS_MS.probe ?? 0).toBeGreaterThan(LIMITS.probeMs);
    expect(DEFAULT_TIMEOUTS_MS.resolve ?? 0).toBeGreaterThan(LIMITS.resolveBudgetMs);
  });
  it('the resolve budget leaves room for a provider attempt and a search', () => {
    expect(LIMITS.resolveBudgetMs).toBeGreaterThan(LIMITS.providerMs + LIMITS.searchMs);
  });
});
