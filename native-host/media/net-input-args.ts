/**
 * ffmpeg options for reading a network input so a dropped connection resumes instead of ending the file early.
 * All exist in ffmpeg 5.1's http protocol (`ffmpeg -h protocol=http`): reconnect, reconnect_streamed,
 * reconnect_on_network_error, reconnect_delay_max, and the generic rw_timeout (µs). Pure.
 */
import { LIMITS } from '../limits.js';

/** Default seconds without any progress before a download is failed as media.stalled. */
export const DEFAULT_STALL_SEC: number = LIMITS.defaultStallSec;

/**
 * Longest back-off between reconnect attempts (ffmpeg waits 0, 1, 2, 4 s ... and gives up past this),
 * so a server that is gone costs ~7 s of retries, not ffmpeg's default 120 s. A shorter stall time
 * shortens it too: the retries must end before the watchdog, so a gone server reads as truncated, not stalled.
 */
export const RECONNECT_DELAY_MAX_SEC: number = LIMITS.reconnectDelayMaxSec;

export function reconnectDelayMax(stallSec: number): number {
  return Math.max(1, Math.min(RECONNECT_DELAY_MAX_SEC, Math.floor(stallSec / 4)));
}

/**
 * Reconnect on a drop (also for non-seekable streams and TCP/TLS errors) and time out a silent read.
 * The read timeout is half the stall time, so one stuck connection gets one fresh attempt before the
 * stall watchdog (ffmpeg-watchdog.ts) fails the job.
 */
export function networkInputArgs(stallSec: number = DEFAULT_STALL_SEC): string[] {
  const rwTimeoutUs = Math.max(1, Math.round((stallSec * 1e6) / 2));
  return [
    '-reconnect',
    '1',
    '-reconnect_streamed',
    '1',
    '-reconnect_on_network_error',
    '1',
    '-reconnect_delay_max',
    String(reconnectDelayMax(stallSec)),
    '-rw_timeout',
    String(rwTimeoutUs),
  ];
}
