import type { LogLevel } from '../../shared/protocol/index.js';
import { ALL_LEVELS } from '../logs/filter.js';

export interface LogToolbarProps {
  text: string;
  onText: (text: string) => void;
  levels: ReadonlySet<LogLevel>;
  onToggleLevel: (level: LogLevel) => void;
  paused: boolean;
  onPause: () => void;
  follow: boolean;
  onFollow: () => void;
  onClear: () => void;
  onCopy: () => void;
  copyLabel: string;
  onExportLog: () => void;
  onExportJsonl: () => void;
  shown: number;
  total: number;
  newWhilePaused: number;
}

/** Filter, level toggles and actions above the log; every control is a real button or input for keyboard use. */
export function LogToolbar(p: LogToolbarProps) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Log controls">
      <input className="filter" type="search" placeholder="Filter (text or /regex/)" aria-label="Filter log" value={p.text} onChange={(e) => p.onText(e.target.value)} />
      <span className="levels" role="group" aria-label="Levels">
        {ALL_LEVELS.map((l) => (
          <button key={l} type="button" className={`level-toggle lvl-${l}`} aria-pressed={p.levels.has(l)} onClick={() => p.onToggleLevel(l)}>
            {l}
          </button>
        ))}
      </span>
      <button type="button" aria-pressed={p.paused} onClick={p.onPause} title="Pause/resume the live view (P)">
        {p.paused ? `Resume${p.newWhilePaused ? ` (+${p.newWhilePaused})` : ''}` : 'Pause'}
      </button>
      <button type="button" aria-pressed={p.follow} onClick={p.onFollow} title="Scroll with new lines (End)">
        {p.follow ? 'Following' : 'Follow'}
      </button>
      <button type="button" onClick={p.onClear}>Clear</button>
      <button type="button" onClick={p.onCopy}>{p.copyLabel}</button>
      <button type="button" onClick={p.onExportLog}>Export .log</button>
      <button type="button" onClick={p.onExportJsonl}>Export .jsonl</button>
      <span className="count" aria-live="off">
        {p.shown === p.total ? `${p.total.toLocaleString('en-US')} lines` : `${p.shown.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} lines`}
      </span>
    </div>
  );
}
