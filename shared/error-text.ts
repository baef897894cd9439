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
const UPDATE = 'Update yt-dlp (`yt-dlp -U`, `pipx upgrade yt-dlp`, or `python3 -m pip install -U "yt-dlp[default]"`), then try again.';
const SIGN_IN = 'Sign in to the site in this browser, then retry with “Use my browser’s sign-in”; from a terminal: `nexstream download URL --cookies cookies.txt`.';

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
  'host.busy': { text: 'NexStream is running as many helper processes as it allows.', fix: 'Try again when some downloads or probes finish.' },
  'media.unsupported': { text: 'No downloadable media was found at this address.', fix: 'Open the page of the video itself (not a list or the home page) and try again.' },
  'media.unavailable': { text: 'This media is unavailable (removed, or the link is dead).', fix: 'Check that the page still plays in the browser.' },
  'media.no_audio': { text: 'This source has no audio track.', fix: 'Pick a video preset instead.' },
  'media.no_video': { text: 'This source has no video track.', fix: 'Pick an audio preset instead.' },
  'media.ytdlp_missing': { text: 'yt-dlp is not installed.', fix: DOCTOR },
  'media.ffmpeg_missing': { text: 'FFmpeg is not installed.', fix: DOCTOR },
  'media.ytdlp_exit': { text: 'yt-dlp failed on this page.', fix: 'Try again; an old yt-dlp is the usual cause (`npx nexstream doctor`).' },
  'media.ffmpeg_exit': { text: 'FFmpeg failed while making the file.', fix: 'Try another quality; the log in the DevTools panel shows why.' },
  'media.timeout': { text: 'yt-dlp or FFmpeg did not finish in time.', fix: 'Check your connection and try again.' },
  'media.stalled': { text: 'The server stopped sending (stalled); nothing was saved.', fix: 'Try again later, or from another network.' },
  'media.truncated': { text: 'The server ended the file early, so the short file was not kept.', fix: 'Try again later.' },
  'media.signin_required': { text: 'The site wants you signed in (or to prove you are not a bot) before it plays this.', fix: SIGN_IN },
  'media.forbidden': { text: 'The site refused the download (HTTP 403).', fix: `Often a sign-in fixes it: ${SIGN_IN}` },
  'media.private': { text: 'This video is private.', fix: 'Only accounts the owner invited can see it: sign in with one and use your browser’s sign-in, or ask the owner.' },
  'media.members_only': { text: 'This video is for channel members only.', fix: 'Join the channel with your account, then retry with “Use my browser’s sign-in”.' },
  'media.age_restricted': { text: 'This video is age-restricted.', fix: 'Sign in with an age-verified account in this browser, then retry with “Use my browser’s sign-in”.' },
  'media.geo_blocked': { text: 'This video is not available in your country.', fix: 'Nothing on this computer can fix that; the uploader chose where it plays.' },
  'media.not_started': { text: 'This live event or premiere has not started yet.', fix: 'Try again once it has started.' },
  'media.live': { text: 'This is a live stream: it has no end to download to.', fix: 'Record it from now instead: “Record from now” in the popup, or `nexstream download URL --live` (Ctrl-C or `--duration SEC` stops it).' },
  'media.live_unrecordable': { text: 'This live stream is not sent in a form NexStream can record (only HLS and plain HTTP streams).', fix: 'Download it once the stream has ended and the site offers the recording.' },
  'media.sabr_only': { text: 'YouTube offered only streams yt-dlp cannot download yet (SABR).', fix: `${UPDATE} If it persists, retry later or with your browser’s sign-in.` },
  'media.po_token': { text: 'YouTube wants a proof-of-origin (PO) token for these streams.', fix: `${UPDATE} Signing in (“Use my browser’s sign-in”) often avoids it.` },
  'media.format_unavailable': { text: 'The chosen quality is not offered for this video.', fix: 'Pick another quality, or probe the page again.' },
  'media.ytdlp_too_old': { text: 'The installed yt-dlp is too old for this site.', fix: UPDATE },
  'media.disk_full': { text: 'The download folder’s disk is full.', fix: 'Free some space or pick another download folder in the options.' },
  'media.output': { text: 'The download folder cannot be written.', fix: 'Pick another in the options.' },
  'media.empty_playlist': { text: 'This playlist has nothing to download (empty, or every entry is gone).', fix: 'Check that the playlist shows entries in the browser.' },
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
  'registry.auth': { text: 'The shared track registry refused its token.', fix: 'Check TURSO_AUTH_TOKEN (or the token in the options); resolves work meanwhile, uncached.' },
  'config.invalid': { text: 'A setting is not valid.', fix: 'Check the options page (or the config file `npx nexstream doctor` names).' },
  'config.broken': { text: 'The NexStream config file has a syntax error, so settings cannot be saved.', fix: 'Fix the file (doctor names it and the line), or reset it in the options.' },
  'os.reveal_failed': { text: 'The file manager could not be opened.', fix: 'Open the download folder yourself; on Linux install xdg-utils (xdg-open).' },
  internal: { text: 'Something went wrong inside NexStream.', fix: 'Try again; the DevTools panel log shows the details.' },
};

/** The table's entry for a code, or null for a code this build does not know (a newer host's). */
export function errorText(code: string): ErrorText | null {
  return Object.hasOwn(ERROR_TEXT, code) ? ERROR_TEXT[code as ErrorCode] : null;
}

/** Codes where the host's own message (the yt-dlp ERROR line, the failing field) says more than the table. */
const HOST_WORDS = new Set<string>(['input.invalid', 'media.ytdlp_exit', 'media.ffmpeg_exit', 'media.timeout', 'config.invalid', 'config.broken', 'os.reveal_failed', 'internal']);

/** A sentence for the popup, a notification or the track window: what happened, then the fix. */
export function describeError(error: { code: string; message: string }): string {
  const t = errorText(error.code);
  // A code this build does not know: the host's words are all we have.
  if (!t) return error.message;
  return `${HOST_WORDS.has(error.code) && error.message ? error.message : t.text} ${t.fix}`;
}
