/**
 * ffmpeg `-progress` output (key=value lines, each block ending in `progress=continue|end`) turned into
 * Progress {percent, speed, etaSec}. Pure: time comes in as an argument.
 */
import type { Progress } from '../../shared/protocol/index.js';

export type ProgressBlock = Record<string, string>;

/** Splits a chunk stream into complete blocks; keeps the partial tail for the next chunk. */
export class ProgressBlockReader {
  private tail = '';
  private block: ProgressBlock = {};

  push(chunk: string): ProgressBlock[] {
    const lines = (this.tail + chunk).split(/\r?\n/);
    this.tail = lines.pop() ?? '';
    const done: ProgressBlock[] = [];
    for (const line of lines) {
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      const key = line.slice(0, eq).trim();
      this.block[key] = line.slice(eq + 1).trim();
      if (key === 'progress') {
        done.push(this.block);
        this.block = {};
      }
    }
    return done;
  }
}

/** Seconds from `out_time_us` (µs; `out_time_ms` is also µs, an old ffmpeg misnomer) or `out_time` (HH:MM:SS.micro). */
export function outTimeSec(b: ProgressBlock): number | null {
  for (const key of ['out_time_us', 'out_time_ms']) {
    const v = Number(b[key]);
    if (b[key] !== undefined && b[key] !== 'N/A' && Number.isFinite(v)) return Math.max(0, v / 1e6);
  }
  const m = b.out_time ? /^(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(b.out_time) : null;
  if (!m) return null;
  return m[1] ? 0 : Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

function num(v: string | undefined): number | null {
  if (v === undefined || v === 'N/A') return null;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n : null;
}

export interface ProgressState {
  lastBytes: number | null;
  lastAtMs: number | null;
  /** Smoothed bytes per second. */
  speed: number | null;
}

export const initialProgressState = (): ProgressState => ({ lastBytes: null, lastAtMs: null, speed: null });

/** Weight of the newest sample in the speed average: steady enough for a UI, quick to follow changes. */
const ALPHA = 0.3;

/**
 * One block -> Progress, given the source duration (null when unknown: percent and ETA stay null).
 * Speed is bytes written per wall-clock second, from the change in `total_size`.
 */
export function toProgress(b: ProgressBlock, durationSec: number | null, nowMs: number, state: ProgressState): { progress: Progress; state: ProgressState } {
  const out = outTimeSec(b);
  const bytes = num(b.total_size);
  const end = b.progress === 'end';
  let speed = state.speed;
  if (bytes !== null && state.lastBytes !== null && state.lastAtMs !== null && nowMs > state.lastAtMs) {
    const sample = Math.max(0, ((bytes - state.lastBytes) * 1000) / (nowMs - state.lastAtMs));
    speed = speed === null ? sample : ALPHA * sample + (1 - ALPHA) * speed;
  }
  const dur = durationSec && durationSec > 0 ? durationSec : null;
  const percent = end ? 100 : dur && out !== null ? Math.min(100, Math.max(0, (out / dur) * 100)) : null;
  // ffmpeg's own speed (x realtime) tells how fast media time advances: remaining media time / that rate.
  const factor = num(b.speed?.replace(/x$/, ''));
  let etaSec: number | null = null;
  if (end) etaSec = 0;
  else if (dur && out !== null && factor && factor > 0) etaSec = Math.max(0, (dur - out) / factor);
  return {
    progress: { percent, speed: speed === null ? null : Math.round(speed), etaSec: etaSec === null ? null : Math.round(etaSec * 10) / 10, outTimeSec: out, bytes },
    state: { lastBytes: bytes ?? state.lastBytes, lastAtMs: bytes !== null ? nowMs : state.lastAtMs, speed },
  };
}

/** Convenience: feed raw stdout chunks, get Progress values. */
export function createProgressParser(durationSec: number | null, now: () => number = Date.now): (chunk: string) => Progress[] {
  const reader = new ProgressBlockReader();
  let state = initialProgressState();
  return (chunk) =>
    reader.push(chunk).map((b) => {
      const r = toProgress(b, durationSec, now(), state);
      state = r.state;
      return r.progress;
    });
}
