/** Error codes -> words for people. The only place the extension turns codes into messages. */
import { errorFix } from '../../shared/error-fixes.js';
import type { ErrorPayload } from '../../shared/protocol/index.js';

export const INSTALL_COMMAND = 'npx nexstream install';

const MESSAGES: Record<string, string> = {
  'host.not_installed': `The NexStream helper is not installed for this browser. Run: ${INSTALL_COMMAND}`,
  'host.disconnected': 'The NexStream helper stopped unexpectedly. It restarts on the next request.',
  'protocol.timeout': 'The NexStream helper did not answer in time.',
  'protocol.bad_frame': 'The NexStream helper sent something unexpected. Try updating it.',
  'input.invalid_url': 'This address cannot be downloaded (only http and https pages).',
  'media.no_audio': 'This source has no audio track.',
  'media.no_video': 'This source has no video track.',
  'media.ytdlp_missing': 'yt-dlp is not installed. Run `npx nexstream doctor` to see how to fix it.',
  'media.ffmpeg_missing': 'FFmpeg is not installed. Run `npx nexstream doctor` to see how to fix it.',
  'media.disk_full': 'The download folder’s disk is full.',
  'media.output': 'The download folder cannot be written. Pick another in the options.',
  'job.cancelled': 'Cancelled.',
  'job.queue_full': 'Too many downloads are waiting. Try again when some finish.',
  'resolver.not_found': 'No music catalogue knows this track. Try selecting “Artist - Title” text instead.',
  'resolver.provider': 'The music catalogues did not answer. Check your connection and try again.',
  'resolver.no_match': 'No YouTube source agreed well enough with this track.',
};

/** A sentence for the popup or a notification; the host's own message where we have nothing better. */
export function describeError(error: ErrorPayload): string {
  const known = errorFix(error.code);
  if (known) return `${known.text} ${known.fix}`;
  return MESSAGES[error.code] ?? error.message;
}
