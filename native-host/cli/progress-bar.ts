/**
 * The human progress display on stderr: redrawn in place on a TTY, a line every few seconds
 * otherwise (CI logs, pipes) so a long job is visible without flooding the log.
 */
import type { Progress } from '../../shared/protocol/index.js';

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export function formatEta(sec: number): string {
  const s = Math.round(sec);
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m` : `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function renderBar(p: Progress, width = 30): string {
  const pct = p.percent ?? null;
  const filled = pct === null ? 0 : Math.round((Math.min(100, pct) / 100) * width);
  const bar = pct === null ? '?'.repeat(width) : '#'.repeat(filled) + '-'.repeat(width - filled);
  const parts = [`[${bar}]`, pct === null ? '  ?%' : `${pct.toFixed(1).padStart(5)}%`];
  if (p.speed != null) parts.push(`${formatBytes(p.speed)}/s`);
  if (p.etaSec != null) parts.push(`ETA ${formatEta(p.etaSec)}`);
  return parts.join(' ');
}

export class ProgressPrinter {
  private lastLine = 0;
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly everyMs = 5000,
    private readonly now: () => number = Date.now,
    /** The line drawn for a report; a live recording shows time and size instead of a bar. */
    private readonly render: (p: Progress, width: number) => string = renderBar,
  ) {}

  update(p: Progress): void {
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - 45));
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${this.render(p, width)}`);
      this.drawn = true;
    } else if (this.now() - this.lastLine >= this.everyMs) {
      this.lastLine = this.now();
      this.out.write(`${this.render(p, 20)}\n`);
    }
  }

  /**
   * The job is done: the bar shows 100 % whatever the last throttled report said (the manager drops a pending
   * report when the job finishes), on a TTY and in a log alike.
   */
  complete(): void {
    const full: Progress = { percent: 100, speed: null, etaSec: 0 };
    if (this.out.isTTY) this.out.write(`\r\x1b[2K${renderBar(full, Math.max(10, Math.min(40, (this.out.columns ?? 80) - 45)))}`);
    else this.out.write(`${renderBar(full, 20)}\n`);
    this.drawn = Boolean(this.out.isTTY);
  }

  /** Leaves the cursor on a fresh line so the next message does not overwrite the bar. */
  end(): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }
}
