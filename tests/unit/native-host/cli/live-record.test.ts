import { describe, expect, it, vi } from 'vitest';
import { liveStopper, parseDurationSec, renderRecording } from '../../../../native-host/cli/live-record.js';

describe('download --live helpers', () => {
  it('parseDurationSec takes positive seconds, refuses the rest', () => {
    expect(parseDurationSec(undefined)).toBeNull();
    expect(parseDurationSec('3')).toBe(3);
    expect(parseDurationSec('1.5')).toBe(1.5);
    for (const bad of ['', '0', '-4', 'soon', 'Infinity', '1e9']) expect(parseDurationSec(bad), bad).toBe('bad');
  });

  it('renderRecording shows the time recorded and the size', () => {
    expect(renderRecording({ percent: null, speed: null, etaSec: null, outTimeSec: 65.4, bytes: 2_400_000 })).toBe('Recording · 1:05 · 2.3 MB');
    expect(renderRecording({ percent: null, speed: null, etaSec: null, outTimeSec: 3725 })).toBe('Recording · 1:02:05');
  });

  it('the first signal stops the armed job, the second asks the caller to cancel', () => {
    const stop = vi.fn(() => true);
    const notes: string[] = [];
    const s = liveStopper(stop, (t) => notes.push(t));
    expect(s.onSignal()).toBe(false); // nothing armed yet: the caller cancels start-up
    s.arm('job-1');
    expect(s.onSignal()).toBe(true);
    expect(stop).toHaveBeenCalledWith('job-1');
    expect(s.onSignal()).toBe(false);
    expect(notes[0]).toContain('Ctrl-C again');
  });
});
