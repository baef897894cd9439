import { describe, expect, it } from 'vitest';
import type { JobInfo, LogLine } from '../../../../shared/protocol/index.js';
import { FanoutQueue, type FanoutBatch } from '../../../../extension/logs/fanout-queue.js';

const line = (i: number, extra: Partial<LogLine> = {}): LogLine => ({ t: i, jobId: 'j', source: 'ffmpeg', level: 'info', text: `l${i}`, ...extra });
const job = (id: string, percent: number): JobInfo => ({ id, kind: 'download', status: 'running', url: 'http://x/', createdAt: 0, progress: { percent, speed: null, etaSec: null } });

/** A manual clock: timers run only when the test says so. */
function manual() {
  const timers: (() => void)[] = [];
  return {
    opts: { setTimer: (fn: () => void) => timers.push(fn), clearTimer: () => void 0 },
    tick: () => timers.splice(0).forEach((fn) => fn()),
    get scheduled() {
      return timers.length;
    },
  };
}

describe('FanoutQueue', () => {
  it('coalesces many pushes into one batch per tick', () => {
    const clock = manual();
    const batches: FanoutBatch[] = [];
    const q = new FanoutQueue((b) => batches.push(b), clock.opts);
    for (let i = 0; i < 1000; i++) q.pushLines([line(i)]);
    expect(clock.scheduled).toBe(1);
    expect(batches).toHaveLength(0);
    clock.tick();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.lines).toHaveLength(1000);
  });

  it('caps the batch size and carries the rest to later ticks', () => {
    const clock = manual();
    const batches: FanoutBatch[] = [];
    const q = new FanoutQueue((b) => batches.push(b), { ...clock.opts, maxBatch: 300, maxPending: 10_000 });
    q.pushLines(Array.from({ length: 1000 }, (_, i) => line(i)));
    for (let i = 0; i < 4; i++) clock.tick();
    expect(batches.map((b) => b.lines.length)).toEqual([300, 300, 300, 100]);
    expect(batches.flatMap((b) => b.lines.map((l) => l.t))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('sends only the latest line per replaceKey', () => {
    const clock = manual();
    const batches: FanoutBatch[] = [];
    const q = new FanoutQueue((b) => batches.push(b), clock.opts);
    q.pushLines([line(0), line(1, { replaceKey: 'p' }), line(2), line(3, { replaceKey: 'p' }), line(4, { replaceKey: 'p', jobId: 'other' })]);
    clock.tick();
    expect(batches[0]?.lines.map((l) => l.t)).toEqual([0, 3, 2, 4]);
  });

  it('sheds debug lines first under pressure and counts every shed line', () => {
    const clock = manual();
    const batches: FanoutBatch[] = [];
    const q = new FanoutQueue((b) => batches.push(b), { ...clock.opts, maxPending: 1000, maxBatch: 100_000 });
    const input = Array.from({ length: 3000 }, (_, i) => line(i, { level: i % 2 ? 'debug' : 'info' }));
    q.pushLines(input);
    clock.tick();
    const b = batches[0]!;
    expect(b.lines.length + b.dropped).toBe(3000);
    expect(b.lines.length).toBeLessThanOrEqual(1000);
    // all 1500 info lines could not fit, but every kept debug line would mean an info line was shed first
    expect(b.lines.every((l) => l.level === 'info')).toBe(true);
  });

  it('puts job updates in the next batch even during a flood, newest state only', () => {
    const clock = manual();
    const batches: FanoutBatch[] = [];
    const q = new FanoutQueue((b) => batches.push(b), { ...clock.opts, maxBatch: 10 });
    q.pushLines(Array.from({ length: 100 }, (_, i) => line(i)));
    q.pushJob(job('a', 10));
    q.pushJob(job('a', 20));
    clock.tick();
    expect(batches[0]?.jobs).toEqual([job('a', 20)]);
    expect(batches[0]?.lines).toHaveLength(10);
  });

  it('reports upstream drops and flushAll() empties the queue at once', () => {
    const batches: FanoutBatch[] = [];
    const clock = manual();
    const q = new FanoutQueue((b) => batches.push(b), { ...clock.opts, maxBatch: 10 });
    q.pushLines(Array.from({ length: 25 }, (_, i) => line(i)));
    q.noteDropped(7);
    q.flushAll();
    expect(batches.map((b) => b.lines.length)).toEqual([10, 10, 5]);
    expect(batches.reduce((n, b) => n + b.dropped, 0)).toBe(7);
    expect(q.pendingLines).toBe(0);
  });

  it('waits at least intervalMs between real flushes', async () => {
    const times: number[] = [];
    const q = new FanoutQueue(() => times.push(Date.now()), { intervalMs: 50 });
    const end = Date.now() + 300;
    while (Date.now() < end) {
      q.pushLines([line(0)]);
      await new Promise((r) => setTimeout(r, 5));
    }
    q.dispose();
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(45);
    expect(times.length).toBeLessThanOrEqual(8);
  });
});
