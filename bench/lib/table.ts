/** The readable table on stdout. */
import { fmt, type Figure } from './stats.js';

export function renderTable(figs: Figure[]): string {
  const rows = figs.map((f) => [
    f.pass === null ? ' ' : f.pass ? 'ok' : 'MISS',
    f.name,
    `${fmt(f.value)} ${f.unit}`,
    f.baseline === null ? '-' : `${fmt(f.baseline)} ${f.unit}`,
    f.ratio === null ? '-' : `${f.ratio.toFixed(3)}${f.ratioRange ? ` [${f.ratioRange[0].toFixed(2)}..${f.ratioRange[1].toFixed(2)}]` : ''}`,
    f.target,
  ]);
  const head = ['', 'figure', 'value', 'baseline', 'ratio [min..max]', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const details = figs.filter((f) => f.detail).map((f) => `  ${f.name}: ${f.detail}`);
  return `${out.join('\n')}\n\n${details.join('\n')}\n`;
}
