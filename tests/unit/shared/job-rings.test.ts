import { describe, expect, it } from 'vitest';
import { JobRings } from '../../../shared/job-rings.js';
import { LogRing } from '../../../native-host/log/ring.js';
import { LogStore } from '../../../extension/logs/log-store.js';

describe('JobRings', () => {
  it('keeps the last perJob items of each job and reports what a full ring pushed out', () => {
    const r = new JobRings<number>(2, 10);
    expect(r.push('a', 1)).toBeUndefined();
    r.push('a', 2);
    expect(r.push('a', 3)).toBe(1);
    expect(r.items('a')).toEqual([2, 3]);
    expect(r.items('nope')).toEqual([]);
  });

  it('drops the oldest job beyond maxJobs and hands its items to the callback', () => {
    const evicted: Array<[string, number[]]> = [];
    const r = new JobRings<number>(5, 2, (id, items) => evicted.push([id, items]));
    r.push('a', 1);
    r.push('b', 2);
    r.push('a', 3);
    r.push('c', 4);
    expect(r.jobIds()).toEqual(['b', 'c']);
    expect(evicted).toEqual([['a', [1, 3]]]);
    expect(r.size).toBe(2);
    r.clear();
    expect(r.size).toBe(0);
  });
});

describe('both per-job log memories use it with the same bounds', () => {
  const line = (jobId: string | null, text: string) => ({ t: 1, jobId, source: 'host' as const, level: 'info' as const, text });

  it('host LogRing: per-job tail and overall tail are bounded', () => {
    const ring = new LogRing(2, 3, 1);
    for (const t of ['1', '2', '3']) ring.add(line('j1', t));
    ring.add(line(null, 'g'));
    expect(ring.tail('j1', 10).map((l) => l.text)).toEqual(['2', '3']);
    expect(ring.tail(undefined, 10).map((l) => l.text)).toEqual(['2', '3', 'g']);
    ring.add(line('j2', 'x'));
    expect(ring.tail('j1', 10)).toEqual([]);
  });

  it('extension LogStore: the oldest job goes first, its lines with it', () => {
    const store = new LogStore({ perJob: 2, maxJobs: 1 });
    store.add(line('j1', 'a'));
    store.add(line('j2', 'b'));
    expect(store.jobIds()).toEqual(['j2']);
    expect(store.lines().map((l) => l.text)).toEqual(['b']);
  });
});
