import { describe, expect, it } from 'vitest';
import { formatApproxSize, formatBytes, formatDuration, formatEta, formatSpeed } from '../../../../extension/components/format.js';
import { describeError } from '../../../../extension/error-text.js';

describe('size estimates', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1536, '1.5 KB'],
    [3_900_000, '3.7 MB'],
    [48_500_000, '46.3 MB'],
    [512 * 1024 * 1024, '512 MB'],
    [1_610_612_736, '1.5 GB'],
  ])('%d bytes -> %s', (n, text) => expect(formatBytes(n)).toBe(text));

  it('marks estimates and hides unknown sizes', () => {
    expect(formatApproxSize(3_900_000)).toBe('~3.7 MB');
    expect(formatApproxSize(undefined)).toBe('');
    expect(formatApproxSize(0)).toBe('');
  });
});

describe('durations, speed, ETA', () => {
  it('formats clock durations', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
  });
  it('formats speed and ETA', () => {
    expect(formatSpeed(2_500_000)).toBe('2.4 MB/s');
    expect(formatSpeed(null)).toBe('');
    expect(formatEta(12)).toBe('12 s left');
    expect(formatEta(190)).toBe('3 min left');
    expect(formatEta(3900)).toBe('1 h 5 min left');
    expect(formatEta(null)).toBe('');
  });
});

describe('error messages', () => {
  it('turns codes into sentences at the edge, keeping the host message for unknown codes', () => {
    expect(describeError({ code: 'host.not_installed', message: 'x' })).toContain('npx nexstream install');
    expect(describeError({ code: 'something.new', message: 'The host said so' })).toBe('The host said so');
  });
});
