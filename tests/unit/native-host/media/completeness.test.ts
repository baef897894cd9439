/** The pure parts of "complete or fail": reconnect args, the stall watchdog, ffmpeg's input reports, the tolerance. */
import { describe, expect, it, vi } from 'vitest';
import { buildFfmpegArgs } from '../../../../native-host/media/ffmpeg-args.js';
import { InputWatch, SHORT_READ_REPEATS } from '../../../../native-host/media/input-watch.js';
import { networkInputArgs, reconnectDelayMax } from '../../../../native-host/media/net-input-args.js';
import { StallWatchdog } from '../../../../native-host/media/stall-watchdog.js';
import { durationTolerance } from '../../../../native-host/media/verify-output.js';

const progress = (bytes: number, outTimeSec: number) => ({ percent: null, speed: null, etaSec: null, bytes, outTimeSec });

describe('network input args', () => {
  it('reconnects and times reads out at half the stall time', () => {
    const a = networkInputArgs(30);
    expect(a).toEqual(['-reconnect', '1', '-reconnect_streamed', '1', '-reconnect_on_network_error', '1', '-reconnect_delay_max', '4', '-rw_timeout', '15000000']);
    expect(reconnectDelayMax(4)).toBe(1);
    expect(reconnectDelayMax(600)).toBe(4);
  });
  it('every http input of a job gets them; pipe inputs do not', () => {
    const args = buildFfmpegArgs({ preset: 'best', video: { url: 'http://a/v' }, audio: { url: 'pipe:3' }, output: { kind: 'file', path: '/o.mp4' }, stallSec: 8 });
    const i = args.indexOf('http://a/v');
    expect(args.slice(i - 12, i - 1)).toContain('-reconnect');
    expect(args[args.indexOf('-rw_timeout') + 1]).toBe('4000000');
    expect(args.filter((a) => a === '-reconnect')).toHaveLength(1);
  });
});

describe('StallWatchdog', () => {
  it('fires once when nothing moves, and repeated identical progress does not count as movement', () => {
    let t = 0;
    const onStall = vi.fn();
    const dog = new StallWatchdog(1000, onStall, () => t);
    dog.progress(progress(10, 1));
    t = 900;
    dog.progress(progress(10, 1));
    dog.check();
    expect(onStall).not.toHaveBeenCalled();
    t = 1000;
    dog.check();
    expect(onStall).toHaveBeenCalledWith(1000);
    t = 5000;
    dog.check();
    expect(onStall).toHaveBeenCalledTimes(1);
  });
  it('new bytes, new media time or feeder bytes keep it quiet', () => {
    let t = 0;
    const onStall = vi.fn();
    const dog = new StallWatchdog(1000, onStall, () => t);
    for (let i = 1; i <= 10; i++) {
      t = i * 900;
      if (i % 3 === 0) dog.touch();
      else dog.progress(progress(i % 2 ? i : 1, i % 2 ? 1 : i));
      dog.check();
    }
    dog.stop();
    expect(onStall).not.toHaveBeenCalled();
  });
});

describe('InputWatch', () => {
  it('takes the longest declared input duration', () => {
    const w = new InputWatch();
    w.line('  Duration: 00:00:20.04, start: 0.000000, bitrate: 1970 kb/s');
    w.line('  Duration: 00:00:00.04, start: 0.000000, bitrate: N/A');
    w.line('  Duration: N/A, bitrate: N/A');
    expect(w.declaredDurationSec).toBeCloseTo(20.04);
  });
  it('reports a short read at the same offset only once it repeats', () => {
    const w = new InputWatch();
    const lie = '[http @ 0x1] Stream ends prematurely at 200000, should be 5368709120';
    const results = Array.from({ length: SHORT_READ_REPEATS + 2 }, () => w.line(lie));
    expect(results.filter(Boolean)).toEqual([{ bytesRead: 200000, announced: 5368709120 }]);
    // A cut that resumes ends at a new offset each time: never reported.
    const cut = new InputWatch();
    expect([2, 4, 6, 8].map((m) => cut.line(`[http @ 0x2] Stream ends prematurely at ${m}000000, should be 9000000`)).every((r) => r === null)).toBe(true);
  });
});

describe('durationTolerance', () => {
  it('is 1 s for short clips and 2 % for long ones', () => {
    expect(durationTolerance(20)).toBe(1);
    expect(durationTolerance(3600)).toBe(72);
  });
});

describe('InputWatch: a server that is gone', () => {
  it('a short body followed by a final I/O error is a give-up (ffmpeg 5.1 log lines)', () => {
    const w = new InputWatch();
    const lines = [
      '[http @ 0x1] Stream ends prematurely at 2000000, should be 4926044',
      '[http @ 0x1] Will reconnect at 2000000 in 0 second(s), error=Input/output error.',
      '[http @ 0x1] Will reconnect at 2000000 in 1 second(s).',
      '[http @ 0x1] Stream ends prematurely at 2000000, should be 18446744073709551615',
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x2] stream 1, offset 0x1e8c36: partial file',
    ];
    lines.forEach((l) => w.line(l));
    expect(w.gaveUp).toBeNull();
    w.line('http://127.0.0.1:35169/dead/clip.mp4: Input/output error');
    expect(w.gaveUp).toEqual({ bytesRead: 2000000, announced: 4926044 });
  });
  it('a cut that resumes logs no final I/O error: not a give-up', () => {
    const w = new InputWatch();
    for (const at of [2, 4, 6]) w.line(`[http @ 0x1] Stream ends prematurely at ${at}000000, should be 9000000`);
    w.line('frame=  500 fps=100 q=-1.0 Lsize=    4810kB time=00:00:20.00');
    expect(w.gaveUp).toBeNull();
  });
});
