/**
 * The log line shapes producers write (media, jobs, resolver, registry), here so the logger and
 * every producer import them from the log layer and the logger imports no producer.
 */
import type { LogLevel, LogSource } from '../../shared/protocol/index.js';

/** Where log lines from a job go (yt-dlp/ffmpeg command lines and output, host notes). */
export type LogFn = (line: { source: LogSource; level: LogLevel; text: string; replaceKey?: string }) => void;

/** One structured event line (resolver, registry): an event name and its fields; the host's logger renders it. */
export interface StructuredLogLine {
  level: LogLevel;
  event: string;
  provider?: string;
  ms?: number;
  [key: string]: unknown;
}
export type StructuredLog = (line: StructuredLogLine) => void;
