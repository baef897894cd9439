/**
 * Rate-limits progress per job (~5/s): ffmpeg reports many times a second and each report would
 * otherwise be a frame. The first report goes out at once; the latest pending one is sent at the end
 * of the window, so the UI never sticks on a stale value.
 */
export class Throttle<T> {
  private last = -Infinity;
  private pending: { value: T } | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (value: T) => void,
    private readonly now: () => number = Date.now,
  ) {}

  push(value: T): void {
    const wait = this.last + this.intervalMs - this.now();
    if (wait <= 0 && !this.timer) {
      this.last = this.now();
      this.send(value);
      return;
    }
    this.pending = { value };
    if (!this.timer) {
      this.timer = setTimeout(() => this.fire(), Math.max(0, wait));
      this.timer.unref();
    }
  }

  /** Drop anything pending (the job finished; a late progress would contradict job.done). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private fire(): void {
    this.timer = null;
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    this.last = this.now();
    this.send(p.value);
  }
}
