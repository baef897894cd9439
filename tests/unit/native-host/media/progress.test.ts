import { describe, expect, it } from 'vitest';
import { ProgressBlockReader, createProgressParser, outTimeSec } from '../../../../native-host/media/progress.js';

const block = (o: Record<string, string | number>) =>
  Object.entries({ frame: 50, fps: 0, bitrate: '1200.0kbits/s', dup_frames: 0, drop_frames: 0, ...o })
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');

describe('ffmpeg -progress parsing', () => {
  it('splits blocks on progress= lines, across arbitrary chunk boundaries', () => {
    const r = new ProgressBlockReader();
    const text = block({ out_time_us: 1_000_000, total_size: 100, progress: 'continue' }) + block({ out_time_us: 2_000_000, total_size: 300, progress: 'end' });
    const out = [...text].flatMap((ch) => r.push(ch));
    expect(out).toHaveLength(2);
    expect(out[1]).toMatchObject({ out_time_us: '2000000', progress: 'end' });
  });

  it('reads the media time from out_time_us, out_time_ms (also µs) or out_time, and N/A as unknown', () => {
    expect(outTimeSec({ out_time_us: '1500000' })).toBe(1.5);
    expect(outTimeSec({ out_time_us: 'N/A', out_time_ms: '2500000' })).toBe(2.5);
    expect(outTimeSec({ out_time_us: 'N/A', out_time: '00:01:02.500000' })).toBe(62.5);
    expect(outTimeSec({ out_time: '-577014:32:22.775808' })).toBe(0);
    expect(outTimeSec({ out_time_us: 'N/A' })).toBeNull();
  });

  it('percent from media time over duration, speed from total_size over wall time, ETA from x-realtime', () => {
    let t = 0;
    const parse = createProgressParser(10, () => t);
    const [p1] = parse(block({ out_time_us: 2_000_000, total_size: 1_000_000, speed: '2x', progress: 'continue' }));
    expect(p1).toMatchObject({ percent: 20, speed: null, etaSec: 4, outTimeSec: 2, bytes: 1_000_000 });
    t = 500;
    const [p2] = parse(block({ out_time_us: 4_000_000, total_size: 2_000_000, speed: '4x', progress: 'continue' }));
    expect(p2).toMatchObject({ percent: 40, speed: 2_000_000, etaSec: 1.5 });
    t = 1000;
    const [p3] = parse(block({ out_time_us: 10_000_000, total_size: 2_500_000, speed: '5x', progress: 'end' }));
    expect(p3?.percent).toBe(100);
    expect(p3?.etaSec).toBe(0);
    // Smoothed: 0.3 * 1 MB/s + 0.7 * 2 MB/s
    expect(p3?.speed).toBe(1_700_000);
  });

  it('unknown duration: no percent or ETA, still bytes and speed', () => {
    let t = 0;
    const parse = createProgressParser(null, () => t);
    parse(block({ out_time_us: 1e6, total_size: 10, speed: 'N/A', progress: 'continue' }));
    t = 1000;
    const [p] = parse(block({ out_time_us: 2e6, total_size: 1010, speed: 'N/A', progress: 'continue' }));
    expect(p).toMatchObject({ percent: null, etaSec: null, speed: 1000, bytes: 1010 });
  });

  it('clamps percent to 0..100 when media runs past the stated duration', () => {
    const parse = createProgressParser(1, () => 0);
    expect(parse(block({ out_time_us: 3e6, total_size: 'N/A', progress: 'continue' }))[0]?.percent).toBe(100);
  });
});
