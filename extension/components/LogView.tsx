import { useCallback, useMemo, useRef, useState } from 'react';
import type { LogLevel } from '../../shared/protocol/index.js';
import { copyText, downloadText, exportName, toJsonLines, toLogFile } from '../logs/export.js';
import { ALL_LEVELS, filterLines } from '../logs/filter.js';
import type { StoredLine } from '../logs/log-store.js';
import { LogRow } from './LogRow.js';
import { LogToolbar } from './LogToolbar.js';
import { VirtualList } from './VirtualList.js';

export interface LogViewProps {
  /** All lines in arrival order (the panel's store); re-passed when they change. */
  lines: readonly StoredLine[];
  /** Changes whenever the store changes, in-place updates included. */
  version: number;
  /** Only this job's lines; undefined for all. */
  jobId?: string;
  onClear: () => void;
  rowHeight?: number;
  initialHeight?: number;
}

/** The terminal: toolbar + virtualised rows. Pausing freezes the view while lines keep arriving. */
export function LogView({ lines, version, jobId, onClear, rowHeight = 18, initialHeight }: LogViewProps) {
  const [text, setText] = useState('');
  const [levels, setLevels] = useState<ReadonlySet<LogLevel>>(() => new Set(ALL_LEVELS));
  const [paused, setPaused] = useState(false);
  const [follow, setFollow] = useState(true);
  const [copied, setCopied] = useState(false);
  const frozen = useRef<readonly StoredLine[]>(lines);
  if (!paused) frozen.current = lines;
  const source = paused ? frozen.current : lines;

  // version is a dependency on purpose: replaced lines change text without changing the array.
  const shown = useMemo(() => filterLines(source, { text, levels, ...(jobId !== undefined && { jobId }) }), [source, text, levels, jobId, paused ? 0 : version]);

  const toggleLevel = useCallback((l: LogLevel) => {
    setLevels((prev) => {
      const next = new Set(prev);
      if (next.has(l)) next.delete(l);
      else next.add(l);
      return next;
    });
  }, []);

  const copy = useCallback(async () => {
    const ok = await copyText(toLogFile(shown));
    setCopied(ok);
    setTimeout(() => setCopied(false), 1500);
  }, [shown]);

  const renderRow = useCallback((i: number) => {
    const line = shown[i];
    return line ? <LogRow key={line.seq} line={line} height={rowHeight} showJob={jobId === undefined} /> : null;
  }, [shown, rowHeight, jobId]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    // "p" toggles pause from anywhere in the log except while typing a filter.
    if (e.key === 'p' && !(e.target instanceof HTMLInputElement)) setPaused((v) => !v);
  };

  return (
    <section className="log-view" aria-label="Log" onKeyDown={onKeyDown}>
      <LogToolbar
        text={text}
        onText={setText}
        levels={levels}
        onToggleLevel={toggleLevel}
        paused={paused}
        onPause={() => setPaused((v) => !v)}
        follow={follow}
        onFollow={() => setFollow(true)}
        onClear={onClear}
        onCopy={() => void copy()}
        copyLabel={copied ? 'Copied' : jobId ? 'Copy job log' : 'Copy visible'}
        onExportLog={() => downloadText(exportName('log'), toLogFile(lines), 'text/plain')}
        onExportJsonl={() => downloadText(exportName('jsonl'), toJsonLines(lines), 'application/x-ndjson')}
        shown={shown.length}
        total={source.length}
        newWhilePaused={paused ? Math.max(0, lines.length - frozen.current.length) : 0}
      />
      <VirtualList
        className="log-lines"
        label="Log lines"
        count={shown.length}
        rowHeight={rowHeight}
        renderRow={renderRow}
        follow={follow}
        onFollowChange={setFollow}
        {...(initialHeight !== undefined && { initialHeight })}
      />
    </section>
  );
}
