import type { LogLine } from '../../shared/protocol/index.js';

/**
 * Normalises terminal-style progress output. A text holding "\r" was a progress chunk
 * ("frame=1\rframe=2\r"): only its last visible segment matters, and it should update one line
 * instead of adding one, so it gets an implicit replaceKey when the host did not set one.
 */
export function collapseCarriageReturns(line: LogLine): LogLine {
  const text = line.text.replace(/\r\n/g, '\n');
  if (!text.includes('\r')) return text === line.text ? line : { ...line, text };
  const segments = text.split('\r').filter((s) => s.trim() !== '');
  const last = segments[segments.length - 1] ?? '';
  return { ...line, text: last, replaceKey: line.replaceKey ?? `cr:${line.jobId ?? '-'}:${line.source}` };
}
