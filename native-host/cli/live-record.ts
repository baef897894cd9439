/**
 * `nexstream download URL --live`: how a terminal ends a recording. The first Ctrl-C (SIGINT/SIGTERM) stops it (the file
 * is finalised and kept); a second Ctrl-C cancels (nothing kept). `--duration SEC` is ffmpeg's own `-t` (record.ts).
 */
import type { Progress } from '../../shared/protocol/index.js';
import { formatBytes } from './progress-bar.js';

/** `--duration` as whole or fractional seconds > 0; null when absent, 'bad' when unusable. Pure. */
export function parseDurationSec(v: string | undefined): number | null | 'bad' {
  if (v === undefined) return null;
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 7 * 24 * 3600 ? n : 'bad';
}

/** "Recording 1:05 · 2.3 MB" for the stderr line (a recording has no percent or ETA). Pure. */
export function renderRecording(p: Progress): string {
  const s = Math.round(p.outTimeSec ?? 0);
  const clock = `${Math.floor(s / 3600) ? `${Math.floor(s / 3600)}:` : ''}${String(Math.floor((s % 3600) / 60)).padStart(Math.floor(s / 3600) ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return ['Recording', clock, p.bytes ? formatBytes(p.bytes) : null].filter(Boolean).join(' · ');
}

export interface LiveStopper {
  /** The job to stop. */
  arm(jobId: string): void;
  /** A signal arrived: true when it stopped the recording (the caller then waits), false when it should cancel. */
  onSignal(): boolean;
}

export function liveStopper(stop: (jobId: string) => boolean, note: (text: string) => void): LiveStopper {
  let jobId: string | null = null;
  let stopping = false;
  return {
    arm(id) {
      jobId = id;
    },
    onSignal() {
      if (!jobId || stopping) return false;
      stopping = true;
      note('Stopping: finishing the recording (Ctrl-C again to discard it)');
      try {
        stop(jobId);
      } catch {
        // finished meanwhile: its own event ends the command
      }
      return true;
    },
  };
}
