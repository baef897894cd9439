/**
 * Tools die with the host, even when the host is killed with SIGKILL. Linux: util-linux `setpriv --pdeathsig KILL`
 * sets the kernel's parent-death signal and then execs the tool in place (same pid, same process group), so
 * nothing else changes. Without it an orphaned ffmpeg keeps writing its part file: it ignores SIGPIPE, and
 * neither stdin EOF nor a dead progress pipe stops it (checked with ffmpeg 5.1). Elsewhere the start-up
 * sweep (part-sweep.ts) kills such orphans the next time a host starts.
 */
import { spawnSync } from 'node:child_process';
import { LIMITS } from '../limits.js';

let prefix: string[] | undefined;
const GUARD = ['setpriv', '--pdeathsig', 'KILL', '--'];

/** The ToolCache question (per setpriv binary) whose remembered answer spares a CLI start the `setpriv --help` run. */
export const SETPRIV_KEY = 'setpriv --help has --pdeathsig';

/** The argv to put in front of a tool's own; empty when the OS offers no such guard. Probed once. */
export function deathSignalPrefix(): string[] {
  if (prefix) return prefix;
  prefix = [];
  if (process.platform !== 'linux') return prefix;
  // setpriv before util-linux 2.33 has no --pdeathsig and would refuse to run the tool at all.
  const help = spawnSync('setpriv', ['--help'], { encoding: 'utf8', timeout: LIMITS.setprivProbeMs, stdio: ['ignore', 'pipe', 'ignore'] });
  if (help.status === 0 && help.stdout.includes('--pdeathsig')) prefix = GUARD;
  return prefix;
}

/**
 * What deathSignalPrefix() would find out, told beforehand from the tool cache (the same setpriv binary, by
 * fingerprint): its synchronous `setpriv --help` cost 10-50 ms before a cold CLI's first spawn. No-op once known.
 */
export function knowDeathSignal(supported: boolean): void {
  prefix ??= supported && process.platform === 'linux' ? GUARD : [];
}
