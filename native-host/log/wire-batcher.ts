/**
 * Batches log lines into `log` events: one event per ~50 ms or per TARGET_FRAME_BYTES, whichever
 * comes first. Under pressure (the pipe is slow or the backlog is large) debug lines go first, then
 * the oldest lines; the count travels in `dropped` so the panel can say so.
 */
import { TARGET_FRAME_BYTES, type EventOf, type LogLine } from '../../shared/protocol/index.js';

export interface WireBatcherOptions {
  send: (ev: EventOf<'log'>) => void;
  /** True when the outbound pipe is backed up; only warn/error lines are kept then. */
  pressure?: () => boolean;
  batchMs?: number;
  targetBytes?: number;
  /** Lines held at most: a full backlog is sent at once, or shed (debug first) under pressure. */
  maxPending?: number;
}

export class WireBatcher {
  private lines: LogLine[] = [];
  private bytes = 0;
  private dropped = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly batchMs: number;
  private readonly targetBytes: number;
  private readonly maxPending: number;

  constructor(private readonly opts: WireBatcherOptions) {
    this.batchMs = opts.batchMs ?? 50;
    this.targetBytes = opts.targetBytes ?? TARGET_FRAME_BYTES;
    this.maxPending = opts.maxPending ?? 2000;
  }

  add(line: LogLine): void {
    const underPressure = this.opts.pressure?.() ?? false;
    if (underPressure && line.level === 'debug') {
      this.dropped++;
      return;
    }
    // A line that replaces an earlier one (ffmpeg's \r progress) overwrites it while still unsent.
    if (line.replaceKey !== undefined) {
      const i = this.lines.findIndex((l) => l.replaceKey === line.replaceKey && l.jobId === line.jobId);
      if (i >= 0) {
        this.bytes += size(line) - size(this.lines[i] as LogLine);
        this.lines[i] = line;
        this.schedule();
        return;
      }
    }
    // A full backlog is only shed while the pipe is backed up; otherwise it is simply a batch to send
    // (shedding then lost ~17% of a fast 100,000-line flood that the pipe could have carried).
    if (this.lines.length >= this.maxPending) {
      if (underPressure) this.shedOne();
      else this.flush();
    }
    this.lines.push(line);
    this.bytes += size(line);
    if (this.bytes >= this.targetBytes) this.flush();
    else this.schedule();
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.lines.length === 0 && this.dropped === 0) return;
    const ev: EventOf<'log'> = { kind: 'event', event: 'log', lines: this.lines, dropped: this.dropped };
    this.lines = [];
    this.bytes = 0;
    this.dropped = 0;
    this.opts.send(ev);
  }

  close(): void {
    this.flush();
  }

  private shedOne(): void {
    const i = this.lines.findIndex((l) => l.level === 'debug');
    const [gone] = this.lines.splice(i >= 0 ? i : 0, 1);
    if (gone) this.bytes -= size(gone);
    this.dropped++;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.batchMs);
    this.timer.unref();
  }
}

/** Rough wire size of a line; exact sizing happens in the transport's guard. */
function size(l: LogLine): number {
  return l.text.length + (l.replaceKey?.length ?? 0) + 80;
}
