/** Helpers the CLI commands share: the same services as the host, and errors made readable at the edge. */
import type { Event, LogLevel } from '../../shared/protocol/index.js';
import { NexError, toErrorPayload } from '../../shared/errors.js';
import { HttpUrl } from '../../shared/protocol/index.js';
import { errorText } from '../../shared/error-text.js';
import { createServices, type HostServices } from '../services/host-services.js';
import { loadMediaApi } from '../services/media-binding.js';
import type { CliIo } from './types.js';

/** The composition root for one command; the command closes it when done. `verbose`: every log line on stderr too. */
export async function cliServices(io: CliIo, emit: (ev: Event) => void = () => {}, opts: { verbose?: boolean; stderrLevel?: LogLevel | null } = {}): Promise<HostServices> {
  const stderrLevel = opts.stderrLevel !== undefined ? opts.stderrLevel : opts.verbose ? 'debug' : 'error';
  return createServices({ env: io.env, media: await loadMediaApi(), emit, stderrLevel });
}

/** Prints an error as the CLI contract says: a JSON line on stdout with --json, a sentence on stderr otherwise. */
/** The URL check the host applies, with the schema's own reason ("too long", "control characters", "starts with -", "must be http(s)"). */
export function urlProblem(url: string): NexError | null {
  const checked = HttpUrl.safeParse(url);
  return checked.success ? null : new NexError('input.invalid_url', checked.error.issues[0]?.message ?? 'URL must be http(s)', { url: url.slice(0, 200) });
}

export function reportError(io: CliIo, json: boolean, e: unknown): number {
  const err = toErrorPayload(e);
  const fix = errorText(err.code)?.fix;
  if (json) io.stdout.write(`${JSON.stringify({ type: 'error', code: err.code, message: err.message, ...(fix ? { fix } : {}) })}\n`);
  else io.stderr.write(`error [${err.code}]: ${err.message}\n${fixLine(err.code)}`);
  return err.code === 'job.cancelled' ? 130 : 1;
}

/** The table's fix for a code, as a second stderr line (empty when there is none). */
export function fixLine(code: string): string {
  const t = errorText(code);
  return t ? `  fix: ${t.fix}\n` : '';
}

/** parseArgs errors (unknown option, missing value) are usage errors, reported with the usage text. */
export function usageError(io: CliIo, usage: string, message: string): number {
  io.stderr.write(`${message}\n\n${usage}\n`);
  return 2;
}
