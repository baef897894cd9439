/** A failure writing the output folder as the NexError the user sees (disk full, or not writable). */
import { NexError, isNexError } from '../../shared/errors.js';

export function fsError(e: unknown, dir: string): NexError {
  if (isNexError(e)) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new NexError('media.disk_full', 'The disk is full: free some space or pick another download folder.', { dir }, { cause: e });
  return new NexError('media.output', `Cannot write to ${dir}: ${(e as Error).message}`, { dir }, { cause: e });
}
