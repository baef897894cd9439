/**
 * The one table from error code to words for people: what happened, and the one thing to do about
 * it. The CLI, the popup, notifications and the track window all read it; the Record type makes
 * a new code in shared/errors.ts fail the typecheck until it has its text here.
 */
import type { ErrorCode } from './errors.js';

/** Registers the native host for the browsers (README "Use it in your own browser"). */
export const INSTALL_COMMAND = 'npx nexstream install';
/** Rebuilds the host from the checkout the extension came from and registers it again. */
export const UPDATE_HOST_COMMAND = 'npm run build:host && npx nexstream install';
const DOCTOR = 'Run `npx nexstream doctor` to see how to fix it.';

export interface ErrorText {
  /** What went wrong, one sentence. */
  text: string;
  /** What the user can do, one line. */
  fix: string;
}

export const ERROR_TEXT: Record<ErrorCode, ErrorText> = {
  'input.invalid_url': { text: 'This address cannot be downloaded (only http and https pages).', fix: 'Open the page itself (http or https) and try again.' },
  'input.invalid': { text: 'The request was not valid.', fix: 'Check the values you entered and try again.' },
  'protocol.bad_frame': { text: 'The NexStream helper sent something unexpected.', fix: `Try updating it: ${UPDATE_HOST_COMMAND}` },
  'protocol.unknown_type': { text: 'The NexStream helper does not know this request.', fix: `Update the host: ${UPDATE_HOST_COMMAND}` },
  'protocol.version': { text: 'The NexStream helper and the extension speak different protocol versions.', fix: `Update the host: ${UPDATE_HOST_COMMAND}` },
  'protocol.timeout': { text: 'The NexStream helper did not answer in time.', fix: 'Try again; if it keeps happening, run `npx nexstream doctor`.' },
  'host.not_installed': { text: 'The NexStream helper is not installed for this browser.', fix: `Run: ${INSTALL_COMMAND}` },
  'host.disconnected': { text: 'The NexStream helper stopped unexpectedly.', fix: 'It restarts on the next request.' },
  'media.unsupported': { text: 'No downloadable media was found at this address.', fix: 'Start playing the media, then try again from its own page.' },
  'media.unavailable': { text: 'This media is unavailable (removed, private, or the link is dead).', fix: 'Check that the page plays in the browser.' },
  'media.no_audio': { text: 'This source has no audio track.', fix: 'Pick a video preset instead.' },
  'media.no_video': { text: 'This source has no video track.', fix: 'Pick an audio preset instead.' },
  'media.ytdlp_missing': { text: 'yt-dlp is not installed.', fix: DOCTOR },
  'media.ffmpeg_missing': { text: 'FFmpeg is not installed.', fix: DOCTOR },
  'media.ytdlp_exit': { text: 'yt-dlp failed on this page.', fix: 'Try again; an old yt-dlp is the usual cause (`npx nexstream doctor`).' },
  'media.ffmpeg_exit': { text: 'FFmpeg failed while making the file.', fix: 'Try another quality; the log in the DevTools panel shows why.' },
  'media.timeout': { text: 'yt-dlp or FFmpeg did not finish in time.', fix: 'Check your connection and try again.' },
  'media.disk_full': { text: 'The download folder’s disk is full.', fix: 'Free some space or pick another download folder in the options.' },
  'media.output': { text: 'The download folder cannot be written.', fix: 'Pick another in the options.' },
  'job.not_found': { text: 'This download is no longer known to the helper.', fix: 'Start it again.' },
  'job.cancelled': { text: 'Cancelled.', fix: 'Start the download again to retry.' },
  'job.queue_full': { text: 'Too many downloads are waiting.', fix: 'Try again when some finish.' },
  'resolver.no_match': { text: 'No YouTube source agreed well enough with this track.', fix: 'Pick one of the candidates yourself.' },
  'resolver.unsupported_link': { text: 'This link is not a track NexStream can look up.', fix: 'Use a Spotify, Apple Music, Deezer, Tidal, SoundCloud or YouTube Music track link.' },
  'resolver.collection': { text: 'This is an album or a playlist, not a track.', fix: 'Open one track and try again.' },
  'resolver.not_found': { text: 'No music catalogue knows this track.', fix: 'Try selecting “Artist - Title” text instead.' },
  'resolver.collection_empty': { text: 'This album or playlist is empty, deleted or not available.', fix: 'Check that it opens on its own site.' },
  'resolver.collection_unreadable': { text: 'No free catalogue lists this playlist, and its page showed no readable tracks.', fix: 'Open the playlist page and scroll its track list into view, then try again from the page.' },
  'resolver.provider': { text: 'The music catalogues did not answer.', fix: 'Check your connection and try again.' },
  'registry.unavailable': { text: 'The local track registry cannot be used.', fix: DOCTOR },
  'config.invalid': { text: 'A setting is not valid.', fix: 'Check the options page (or the config file `npx nexstream doctor` names).' },
  'os.reveal_failed': { text: 'The file manager could not be opened.', fix: 'Open the download folder yourself; on Linux install xdg-utils (xdg-open).' },
  internal: { text: 'Something went wrong inside NexStream.', fix: 'Try again; the DevTools panel log shows the details.' },
};

/** The table's entry for a code, or null for a code this build does not know (a newer host's). */
export function errorText(code: string): ErrorText | null {
  return Object.hasOwn(ERROR_TEXT, code) ? ERROR_TEXT[code as ErrorCode] : null;
}

/** Codes where the host's own message (the yt-dlp ERROR line, the failing field) says more than the table. */
const HOST_WORDS = new Set<string>(['input.invalid', 'media.ytdlp_exit', 'media.ffmpeg_exit', 'media.timeout', 'config.invalid', 'os.reveal_failed', 'internal']);

/** A sentence for the popup, a notification or the track window: what happened, then the fix. */
export function describeError(error: { code: string; message: string }): string {
  const t = errorText(error.code);
  // A code this build does not know: the host's words are all we have.
  if (!t) return error.message;
  return `${HOST_WORDS.has(error.code) && error.message ? error.message : t.text} ${t.fix}`;
}
