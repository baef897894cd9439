/**
 * In host mode stdout is the wire: a stray console.log or library print would corrupt the frame
 * stream and make Chrome drop the port. We keep a private handle on the real stdout for frames and
 * send every other write to stderr.
 */
import type { FrameSink } from './frame-writer.js';

export function claimStdout(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): FrameSink {
  const realWrite = stdout.write.bind(stdout) as (chunk: Uint8Array, cb?: (err?: Error | null) => void) => boolean;
  const toStderr = stderr.write.bind(stderr);
  stdout.write = ((chunk: unknown, ...rest: unknown[]) => (toStderr as (...a: unknown[]) => boolean)(chunk, ...rest)) as typeof stdout.write;
  const viaStderr = (...args: unknown[]): void => console.error(...args);
  Object.assign(console, { log: viaStderr, info: viaStderr, debug: viaStderr, warn: viaStderr });
  return {
    write: (chunk, cb) => realWrite(chunk, cb),
    once: (event, listener) => stdout.once(event, listener),
    on: (event, listener) => stdout.on(event, listener),
  };
}
