/**
 * yt-dlp command lines (machine interfaces only: -J, and -o - for the pipe fallback). Pure and free of
 * execa and zod: the CLI's early probe start (cli/early-probe.ts) builds the same `-J` argv before the
 * rest of the host has loaded, and the probe adopts that process only when both argvs are identical.
 */
import { LIMITS } from '../limits.js';
import type { Tools } from './types.js';

type ArgTools = Pick<Tools, 'ytdlpSupportsJsRuntimes' | 'jsRuntime'>;

/** The arguments that make yt-dlp use exactly this runtime (its default, deno on PATH, is cleared first). */
export function jsRuntimeArgs(runtime: { name: string; path: string }): string[] {
  return ['--no-js-runtimes', '--js-runtimes', `${runtime.name}:${runtime.path}`];
}

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
