import type { StoredLine } from '../logs/log-store.js';

/** Compact local time with milliseconds: resolver timings are read at this resolution. */
export function clock(t: number): string {
  const d = new Date(t);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

interface Props {
  line: StoredLine;
  height: number;
  showJob: boolean;
}

/**
 * One terminal row. Deliberately not memoised: replaced progress lines mutate the same object,
 * and only the ~40 rows in view ever render.
 */
export function LogRow({ line, height, showJob }: Props) {
  return (
    <div className={`log-row lvl-${line.level}${line.dropped !== undefined ? ' dropped' : ''}`} role="listitem" style={{ height, lineHeight: `${height}px` }} data-seq={line.seq}>
      <span className="log-time">{clock(line.t)}</span>
      <span className="log-level">{line.level}</span>
      <span className={`log-src src-${line.source}`}>{line.source}</span>
      {showJob && <span className="log-job">{line.jobId ? line.jobId.slice(0, 8) : ''}</span>}
      <span className="log-text">{line.text}</span>
    </div>
  );
}
