import type { LogLine } from '../../shared/protocol/index.js';

/** One line as a terminal would print it: ISO time, level, source, job, text. */
export function formatLine(l: LogLine): string {
  const job = l.jobId ? ` [${l.jobId}]` : '';
  return `${new Date(l.t).toISOString()} ${l.level.toUpperCase().padEnd(5)} ${l.source}${job} ${l.text}`;
}

/** A plain .log file: one formatted line each, with a trailing newline. */
export function toLogFile(lines: readonly LogLine[]): string {
  return lines.map(formatLine).join('\n') + (lines.length ? '\n' : '');
}

/** JSON Lines: one LogLine object per line, the protocol's own fields only. */
export function toJsonLines(lines: readonly (LogLine & { seq?: number; dropped?: number })[]): string {
  return lines
    .map(({ t, jobId, source, level, text, replaceKey, dropped }) =>
      JSON.stringify({ t, jobId, source, level, text, ...(replaceKey !== undefined && { replaceKey }), ...(dropped !== undefined && { dropped }) }),
    )
    .join('\n') + (lines.length ? '\n' : '');
}

/** A file name safe everywhere, stamped with the local time: nexstream-2026-11-23T23-54-31.log */
export function exportName(ext: 'log' | 'jsonl', now = new Date(), jobId?: string): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `nexstream-${jobId ? `${jobId.replace(/[^\w.-]/g, '_')}-` : ''}${stamp}.${ext}`;
}

/** Saves text as a file through a Blob link (works in a DevTools panel, which has no downloads API). */
export function downloadText(name: string, text: string, mime: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text; DevTools panels may refuse the async clipboard, so fall back to execCommand. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = doc.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    doc.body.append(ta);
    ta.select();
    const ok = doc.execCommand('copy');
    ta.remove();
    return ok;
  }
}
