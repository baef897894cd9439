/** A finished tool run in execa's error model (exitCode, signal, timedOut, isCanceled, cause), for NexError details. */
import type { ProcessFailure } from '../../shared/errors.js';

/** How a supervised process ended, as supervise() reports it. */
export interface ProcessExit {
  exitCode: number | null;
  signal: string | null;
  /** The spawn error or execa's short message when the run failed; absent on a plain non-zero exit. */
  cause?: string;
}

/** The wire form of a failure; the caller says whether its time limit or its caller stopped the run. */
export function processFailure(exit: ProcessExit | number | null, flags: { timedOut?: boolean; isCanceled?: boolean } = {}): ProcessFailure {
  const e: ProcessExit = typeof exit === 'object' && exit !== null ? exit : { exitCode: exit, signal: null };
  return {
    exitCode: e.exitCode,
    signal: e.signal,
    timedOut: flags.timedOut ?? false,
    isCanceled: flags.isCanceled ?? false,
    ...(e.cause ? { cause: e.cause.slice(0, 500) } : {}),
  };
}
