/** yt-dlp command lines (built in ytdlp-argv.ts, which stays free of execa and zod), and its errors as NexErrors. Pure. */
import { NexError } from '../../shared/errors.js';
import { processFailure, type ProcessExit } from './process-failure.js';
import { lastMeaningfulLine, ytdlpFailure } from './ytdlp-errors.js';

export { ytdlpBaseArgs, ytdlpPipeArgs, ytdlpProbeArgs } from './ytdlp-argv.js';

/** The last `ERROR:` line (or the last meaningful one), without yt-dlp's "please report this issue" boilerplate. */
export const ytdlpErrorLine = lastMeaningfulLine;

/** Exit + stderr -> a stable code (ytdlp-errors.ts), keeping execa's reason flags. Progress text is never parsed. */
export function ytdlpError(exit: ProcessExit | number | null, stderr: string, url: string, ytdlpVersion?: string | null): NexError {
  const failure = processFailure(exit);
  const e = ytdlpFailure(stderr, { url, exitCode: failure.exitCode, ytdlpVersion });
  return new NexError(e.code, e.message, { ...failure, ...e.details });
}
