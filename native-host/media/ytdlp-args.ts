/** yt-dlp command lines (machine interfaces only: -J, and -o - for the pipe fallback), and its errors as NexErrors. Pure. */
import { NexError } from '../../shared/errors.js';
import { jsRuntimeArgs } from './js-runtime.js';
import type { Tools } from './types.js';

type ArgTools = Pick<Tools, 'ytdlpSupportsJsRuntimes' | 'jsRuntime'>;

/** Same behaviour whatever the user's yt-dlp config says; the chosen JS runtime only where yt-dlp takes the flag. */
export function ytdlpBaseArgs(tools: ArgTools): string[] {
  const js = tools.ytdlpSupportsJsRuntimes && tools.jsRuntime ? jsRuntimeArgs(tools.jsRuntime) : [];
  return ['--ignore-config', '--no-warnings', '--no-playlist', '--socket-timeout', '20', ...js];
}

/** `-J`: one JSON info dict on stdout. The URL goes after `--` so it can never be read as an option. */
export function ytdlpProbeArgs(url: string, tools: ArgTools): string[] {
  return ['-J', ...ytdlpBaseArgs(tools), '--', url];
}

/** One format's bytes on stdout, for protocols ffmpeg cannot read itself (DASH segments, ISM, ...). */
export function ytdlpPipeArgs(url: string, formatId: string, tools: ArgTools): string[] {
  return ['--quiet', '--no-progress', ...ytdlpBaseArgs(tools), '--no-part', '-f', formatId, '-o', '-', '--', url];
}

/** The last `ERROR:` line, without yt-dlp's "please report this issue" boilerplate. */
export function ytdlpErrorLine(stderr: string): string | null {
  const lines = stderr.split(/\r?\n/).filter((l) => l.startsWith('ERROR:'));
  const last = lines.at(-1);
  if (!last) return null;
  return last.replace(/^ERROR:\s*/, '').replace(/;\s*please report this issue.*$/i, '').trim();
}

const UNSUPPORTED = /Unsupported URL|no suitable (extractor|InfoExtractor)|is not a valid URL/i;
const UNAVAILABLE =
  /HTTP Error (4\d\d|5\d\d)|not found|unavailable|private video|has been removed|no longer available|does not exist|terminated|Unable to download (webpage|JSON)|Connection refused|Name or service not known|getaddrinfo|timed out|No video formats found|This video is only available/i;

/** Exit code + `ERROR:` line -> a stable code. Progress text is never parsed. */
export function ytdlpError(exitCode: number | null, stderr: string, url: string): NexError {
  const line = ytdlpErrorLine(stderr);
  const details = { url, exitCode, ytdlpError: line ?? stderr.slice(-500) };
  if (line && UNSUPPORTED.test(line)) return new NexError('media.unsupported', `No media found at this address (${line}).`, details);
  if (line && UNAVAILABLE.test(line)) return new NexError('media.unavailable', `The media is not available: ${line}`, details);
  return new NexError('media.ytdlp_exit', `yt-dlp failed (exit ${exitCode ?? 'signal'}): ${line ?? stderr.trim().split('\n').slice(-3).join(' | ')}`, details);
}
