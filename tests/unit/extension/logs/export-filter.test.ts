import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../../shared/protocol/index.js';
import { exportName, formatLine, toJsonLines, toLogFile } from '../../../../extension/logs/export.js';
import { filterLines, textMatcher } from '../../../../extension/logs/filter.js';
import { LogStore } from '../../../../extension/logs/log-store.js';
import { LogLine as LogLineSchema } from '../../../../shared/protocol/index.js';

const line: LogLine = { t: Date.UTC(2026, 10, 23, 23, 54, 31, 123), jobId: 'j1', source: 'ffmpeg', level: 'warn', text: 'hello "world"' };

describe('export formats', () => {
  it('formats a .log line like a terminal', () => {
    expect(formatLine(line)).toBe('2026-11-23T23:54:31.123Z WARN  ffmpeg [j1] hello "world"');
    expect(formatLine({ ...line, jobId: null, level: 'info' })).toBe('2026-11-23T23:54:31.123Z INFO  ffmpeg hello "world"');
    expect(toLogFile([line, line]).split('\n')).toHaveLength(3);
    expect(toLogFile([])).toBe('');
  });

  it('writes JSON Lines that parse back to protocol LogLines, without internal fields', () => {
    const s = new LogStore();
    s.add(line);
    s.add({ ...line, text: 'frame=1', replaceKey: 'p' });
    s.noteDropped(3, 'j1');
    const out = toJsonLines(s.lines());
    const parsed = out.trim().split('\n').map((x) => JSON.parse(x) as Record<string, unknown>);
    expect(parsed).toHaveLength(3);
    for (const p of parsed) expect(LogLineSchema.safeParse(p).success).toBe(true);
    expect(parsed[0]).not.toHaveProperty('seq');
    expect(parsed[1]).toMatchObject({ replaceKey: 'p' });
    expect(parsed[2]).toMatchObject({ dropped: 3, level: 'warn' });
  });

  it('names export files safely', () => {
    const d = new Date(Date.UTC(2026, 10, 23, 23, 54, 31));
    expect(exportName('log', d)).toBe('nexstream-2026-11-23T23-54-31.log');
    expect(exportName('jsonl', d, 'a/b')).toBe('nexstream-a_b-2026-11-23T23-54-31.jsonl');
  });
});

describe('filters', () => {
  it('matches text case-insensitively, /regex/, and falls back on bad regex', () => {
    expect(textMatcher('FFMPEG')('run ffmpeg')).toBe(true);
    expect(textMatcher('/^a\\d/')('a1')).toBe(true);
    expect(textMatcher('/^a\\d/')('ba1')).toBe(false);
    expect(textMatcher('/(/')('x/(/y')).toBe(true);
  });

  it('always keeps drop markers visible', () => {
    const s = new LogStore();
    s.add(line);
    s.noteDropped(10, 'j1');
    const shown = filterLines(s.lines(), { text: 'nothing matches this', levels: new Set(['error']) });
    expect(shown.map((l) => l.dropped)).toEqual([10]);
  });
});
