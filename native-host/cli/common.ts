/** Helpers the CLI commands share: the same services as the host, and errors made readable at the edge. */
import type { Event } from '../../shared/protocol/index.js';
import { errorFix } from '../../shared/error-fixes.js';
import { toErrorPayload } from '../../shared/errors.js';
import { createServices, type HostServices } from '../services/host-services.js';
import { loadMediaApi } from '../services/media-binding.js';
import type { CliIo } from './types.js';

export async function cliServices(io: CliIo, emit: (ev: Event) => void = () => {}, verbose = false): Promise<HostServices> {
  return createServices({ env: io.env, media: await loadMediaApi(), emit, stderrLevel: verbose ? 'debug' : 'error' });
}

/** Prints an error as the CLI contract says: a JSON line on stdout with --json, a sentence on stderr otherwise. */
export function reportError(io: CliIo, json: boolean, e: unknown): number {
  const err = toErrorPayload(e);
  const fix = errorFix(err.code)?.fix;
  if (json) io.stdout.write(`${JSON.stringify({ type: 'error', code: err.code, message: err.message, ...(fix ? { fix } : {}) })}\n`);
  else io.stderr.write(`error [${err.code}]: ${err.message}\n${fix ? `fix: ${fix}\n` : ''}`);
  return err.code === 'job.cancelled' ? 130 : 1;
}

/** parseArgs errors (unknown option, missing value) are usage errors, reported with the usage text. */
export function usageError(io: CliIo, usage: string, message: string): number {
  io.stderr.write(`${message}\n\n${usage}\n`);
  return 2;
}
