/** yt-dlp command lines (machine interfaces only: -J, and -o - for the pipe fallback), and its errors as NexErrors. Pure. */
import { NexError } from '../../shared/errors.js';
import { jsRuntimeArgs } from './js-runtime.js';
import { processFailure, type ProcessExit } from './process-failure.js';
import type { Tools } from './types.js';
import { lastMeaningfulLine, ytdlpFailure } from './ytdlp-errors.js';
import { LIMITS } from '../limits.js';

type ArgTools = Pick<Tools, 'ytdlpSupportsJsRuntimes' | 'jsRuntime'>;

/** The job's private cookies.txt (a path; the values stay in the file). */
const cookieArgs = (file?: string) => (file ? ['--cookies', file] : []);

/** Same behaviour whatever the user's yt-dlp config says; the chosen JS runtime only where yt-dlp takes the flag. Warnings stay on: they explain SABR / PO token failures. */
export function ytdlpBaseArgs(tools: ArgTools): string[] {
  const js = tools.ytdlpSupportsJsRuntimes && tools.jsRuntime ? jsRuntimeArgs(tools.jsRuntime) : [];
  return ['--ignore-config', '--no-playlist', '--socket-timeout', String(LIMITS.ytdlpSocketTimeoutSec), ...js];
}

/** `-J`: one JSON info dict on stdout. The URL goes after `--` so it can never be read as an option. */
export function ytdlpProbeArgs(url: string, tools: ArgTools, cookiesFile?: string): string[] {
  return ['-J', ...ytdlpBaseArgs(tools), ...cookieArgs(cookiesFile), '--', url];
}

/** One format's bytes on stdout, for protocols ffmpeg cannot read itself (DASH segments, ISM, ...). */
export function ytdlpPipeArgs(url: string, formatId: string, tools: ArgTools, cookiesFile?: string): string[] {
  return ['--quiet', '--no-progress', ...ytdlpBaseArgs(tools), ...cookieArgs(cookiesFile), '--no-part', '-f', formatId, '-o', '-', '--', url];
}

/** The last `ERROR:` line (or the last meaningful one), without yt-dlp's "please report this issue" boilerplate. */
export const ytdlpErrorLine = lastMeaningfulLine;

/** Exit + stderr -> a stable code (ytdlp-errors.ts), keeping execa's reason flags. Progress text is never parsed. */
export function ytdlpError(exit: ProcessExit | number | null, stderr: string, url: string, ytdlpVersion?: string | null): NexError {
  const failure = processFailure(exit);
  const e = ytdlpFailure(stderr, { url, exitCode: failure.exitCode, ytdlpVersion });
  return new NexError(e.code, e.message, { ...failure, ...e.details });
}
