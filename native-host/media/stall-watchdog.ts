/**
 * Fails a download whose output bytes, media time and feeder bytes have all stood still for `stallMs`:
 * a server that sends headers and then nothing, or junk ffmpeg can never turn into output,
 * ends as media.stalled instead of hanging the job. ffmpeg's own read timeout only covers one socket read.
 */
import type { Progress } from '../../shared/protocol/index.js';

export class StallWatchdog {
  private last: number;
  private seen = '';
  private readonly timer: NodeJS.Timeout;
  private fired = false;

  /** @param onStall called once with the idle time when nothing moved for `stallMs`. */
  constructor(
    readonly stallMs: number,
    private readonly onStall: (idleMs: number) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.last = now();
    // Checked often enough to fire within ~10% of the limit, never more than 4 times a second.
    this.timer = setInterval(() => this.check(), Math.max(250, Math.min(1000, stallMs / 10)));
    this.timer.unref();
  }

  /** ffmpeg repeats its progress block while stuck, so only a change counts as movement. */
  progress(p: Progress): void {
    const key = `${p.bytes ?? ''}|${p.outTimeSec ?? ''}|${p.percent === 100 ? 'end' : ''}`;
    if (key === this.seen) return;
    this.seen = key;
    this.touch();
  }

  /** Raw bytes moved (a yt-dlp feeder wrote into ffmpeg's pipe). */
  touch(): void {
    this.last = this.now();
  }

  check(): void {
    const idle = this.now() - this.last;
    if (this.fired || idle < this.stallMs) return;
    this.fired = true;
    this.stop();
    this.onStall(idle);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
