/** The probe gate: a bound on running and waiting probes, shared in-flight runs, abort only when all callers left. */
import { describe, expect, it } from 'vitest';
import { ProbeGate } from '../../../../native-host/media/probe-gate.js';

const cancelled = () => new Error('cancelled');
const deferred = () => {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
};

describe('ProbeGate', () => {
  it('shares one run between callers of the same key', async () => {
    const gate = new ProbeGate<string>(2, 10);
    let runs = 0;
    const d = deferred();
    const fn = () => (runs++, d.promise);
    const all = Promise.all([gate.run('u', undefined, fn, cancelled), gate.run('u', undefined, fn, cancelled), gate.run('u', undefined, fn, cancelled)]);
    d.resolve('ok');
    expect(await all).toEqual(['ok', 'ok', 'ok']);
    expect(runs).toBe(1);
    expect(gate.stats().shared).toBe(2);
  });

  it('runs at most `concurrency`, refuses beyond `maxWaiting`', async () => {
    const gate = new ProbeGate<string>(2, 3);
    const d = deferred();
    const runs = Array.from({ length: 6 }, (_, i) => gate.run(`u${i}`, undefined, () => d.promise, cancelled).catch((e: Error & { code?: string }) => e.code));
    await Promise.resolve();
    expect(gate.stats()).toMatchObject({ running: 2, waiting: 3 });
    d.resolve('ok');
    expect(await Promise.all(runs)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'job.queue_full']);
  });

  it('one caller leaving does not abort the shared run; the last one leaving does', async () => {
    const gate = new ProbeGate<string>(1, 10);
    let seen: AbortSignal | undefined;
    const fn = (s: AbortSignal) => ((seen = s), new Promise<string>((_, rej) => s.addEventListener('abort', () => rej(cancelled()))));
    const a = new AbortController();
    const b = new AbortController();
    const pa = gate.run('u', a.signal, fn, cancelled).catch((e: Error) => e.message);
    const pb = gate.run('u', b.signal, fn, cancelled).catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 0));
    a.abort();
    expect(await pa).toBe('cancelled');
    expect(seen?.aborted).toBe(false);
    b.abort();
    expect(await pb).toBe('cancelled');
    expect(seen?.aborted).toBe(true);
  });
});
