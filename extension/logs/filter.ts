import type { LogLevel } from '../../shared/protocol/index.js';
import type { StoredLine } from './log-store.js';

export interface LogFilter {
  /** Case-insensitive substring; `/re/` or `/re/i` for a regular expression. Empty matches all. */
  text: string;
  levels: ReadonlySet<LogLevel>;
  /** Only this job's lines; undefined for all. */
  jobId?: string;
}

export const ALL_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Turns the filter text into a predicate; an invalid regex falls back to a plain substring. */
export function textMatcher(text: string): (s: string) => boolean {
  const re = /^\/(.+)\/([a-z]*)$/.exec(text);
  if (re) {
    try {
      const rx = new RegExp(re[1] ?? '', re[2]?.includes('i') ? 'i' : '');
      return (s) => rx.test(s);
    } catch {
      // fall through: treat it as text
    }
  }
  const needle = text.toLowerCase();
  return needle === '' ? () => true : (s) => s.toLowerCase().includes(needle);
}

export function filterLines(lines: readonly StoredLine[], f: LogFilter): StoredLine[] {
  const match = textMatcher(f.text.trim());
  const allLevels = f.levels.size === ALL_LEVELS.length;
  // Drop markers always show: hiding "N lines dropped" would make the log look complete when it is not.
  return lines.filter((l) => l.dropped !== undefined || ((allLevels || f.levels.has(l.level)) && (f.jobId === undefined || l.jobId === f.jobId) && match(l.text)));
}
