/**
 * Runs the file manager for `reveal`. It is started detached (it outlives the host) and given a
 * few seconds to fail: openers like xdg-open exit once they have handed off, a GUI that stays up
 * longer counts as shown.
 */
import { spawn } from 'node:child_process';
import { NexError } from '../../shared/errors.js';
import type { RevealCommand } from './reveal-command.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** How long to wait for an exit code before assuming it is showing. Default 5000 ms. */
  graceMs?: number;
}

export function runReveal(cmd: RevealCommand, opts: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (message: string, details: Record<string, unknown>, cause?: unknown) =>
      reject(new NexError('os.reveal_failed', message, { command: cmd.command, ...details }, cause ? { cause } : undefined));
    const child = spawn(cmd.command, cmd.args, {
      detached: true,
      stdio: 'ignore',
      env: opts.env ?? process.env,
      windowsHide: true,
      windowsVerbatimArguments: cmd.verbatim ?? false,
    });
    const timer = setTimeout(() => {
      child.unref();
      resolve();
    }, opts.graceMs ?? 5000);
    child.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(e.code === 'ENOENT' ? `${cmd.command} is not installed` : `${cmd.command} could not start: ${e.message}`, { errno: e.code ?? null }, e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== null && cmd.okCodes.includes(code)) resolve();
      else fail(`${cmd.command} failed (${signal ?? `exit ${code}`})`, { exitCode: code, signal });
    });
  });
}
