import { describe, expect, it } from 'vitest';
import { HostMessage, type LogLine } from '../../../../shared/protocol/index.js';
import { fitFrames } from '../../../../native-host/transport/size-guard.js';

const line = (i: number, text = `line ${i} `.repeat(50)): LogLine => ({ t: i, jobId: null, source: 'ffmpeg', level: 'info', text });

describe('fitFrames', () => {
  it('passes small messages through unchanged', () => {
    const msg = { kind: 'response', id: 'a', ok: true, result: { x: 1 } } as const;
    expect(fitFrames(msg).map((f) => JSON.parse(f.json))).toEqual([msg]);
  });

  it('splits a large log batch into frames under the limit, keeping order and the dropped count', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => line(i));
    const frames = fitFrames({ kind: 'event', event: 'log', lines, dropped: 7 }, 64 * 1024);
    expect(frames.length).toBeGreaterThan(1);
    for (const f of frames) {
      expect(f.bytes).toBeLessThanOrEqual(64 * 1024);
      expect(HostMessage.safeParse(JSON.parse(f.json)).success).toBe(true);
    }
    const parsed = frames.map((f) => JSON.parse(f.json) as { lines: LogLine[]; dropped: number });
    expect(parsed.flatMap((p) => p.lines.map((l) => l.t))).toEqual(lines.map((l) => l.t));
    expect(parsed.reduce((n, p) => n + p.dropped, 0)).toBe(7);
  });

  it('cuts a single giant line instead of sending it', () => {
    const [f, ...rest] = fitFrames({ kind: 'event', event: 'log', lines: [line(1, 'x'.repeat(300_000))], dropped: 0 }, 100_000);
    expect(rest).toEqual([]);
    expect(f!.bytes).toBeLessThanOrEqual(100_000);
    expect(JSON.parse(f!.json).lines[0].text).toMatch(/chars cut\]$/);
  });

  it('replaces an oversized result with a clear error under the same id', () => {
    const [f] = fitFrames({ kind: 'response', id: 'big', ok: true, result: 'x'.repeat(2_000_000) });
    const msg = JSON.parse(f!.json);
    expect(f!.bytes).toBeLessThan(1024);
    expect(msg).toMatchObject({ id: 'big', ok: false, error: { code: 'internal', message: expect.stringMatching(/exceeds/) } });
  });

  it('turns an oversized event into a small log line', () => {
    const job = { id: 'j', kind: 'download', status: 'failed', url: 'http://x', createdAt: 1 } as const;
    const [f] = fitFrames({ kind: 'event', event: 'job.failed', jobId: 'j', job, error: { code: 'internal', message: 'y'.repeat(2_000_000) } });
    expect(JSON.parse(f!.json)).toMatchObject({ event: 'log', lines: [{ jobId: 'j', level: 'error' }] });
  });
});
