/**
 * One line of text and one line of fix per media error code, for the popup and the CLI alike (messages are made at the
 * edge; the host's own message stays in the payload). Codes without an entry fall back to the host's message.
 */
import type { ErrorCode } from './errors.js';

export interface ErrorText {
  /** What happened, for people. */
  text: string;
  /** What to do about it, in one line. */
  fix: string;
}

const UPDATE = 'Update yt-dlp (`yt-dlp -U`, `pipx upgrade yt-dlp`, or `python3 -m pip install -U "yt-dlp[default]"`), then try again.';
const SIGN_IN = 'Sign in to the site in this browser, then retry with “Use my browser’s sign-in”; from a terminal: `nexstream download URL --cookies cookies.txt`.';

export const ERROR_FIXES: Partial<Record<ErrorCode, ErrorText>> = {
  'media.signin_required': { text: 'The site wants you signed in (or to prove you are not a bot) before it plays this.', fix: SIGN_IN },
  'media.forbidden': { text: 'The site refused the download (HTTP 403).', fix: `Often a sign-in fixes it: ${SIGN_IN}` },
  'media.private': { text: 'This video is private.', fix: 'Only accounts the owner invited can see it: sign in with one and use your browser’s sign-in, or ask the owner.' },
  'media.members_only': { text: 'This video is for channel members only.', fix: 'Join the channel with your account, then retry with “Use my browser’s sign-in”.' },
  'media.age_restricted': { text: 'This video is age-restricted.', fix: 'Sign in with an age-verified account in this browser, then retry with “Use my browser’s sign-in”.' },
  'media.geo_blocked': { text: 'This video is not available in your country.', fix: 'Nothing on this computer can fix that; the uploader chose where it plays.' },
  'media.not_started': { text: 'This live event or premiere has not started yet.', fix: 'Try again once it has started.' },
  'media.live': { text: 'This is a live stream, which NexStream cannot record yet.', fix: 'Download it once the stream has ended and the site offers the recording.' },
  'media.sabr_only': { text: 'YouTube offered only streams yt-dlp cannot download yet (SABR).', fix: `${UPDATE} If it persists, retry later or with your browser’s sign-in.` },
  'media.po_token': { text: 'YouTube wants a proof-of-origin (PO) token for these streams.', fix: `${UPDATE} Signing in (“Use my browser’s sign-in”) often avoids it.` },
  'media.format_unavailable': { text: 'The chosen quality is not offered for this video.', fix: 'Pick another quality, or probe the page again.' },
  'media.ytdlp_too_old': { text: 'The installed yt-dlp is too old for this site.', fix: UPDATE },
  'media.unsupported': { text: 'No downloadable media was found at this address.', fix: 'Open the page of the video itself (not a list or the home page) and try again.' },
  'media.unavailable': { text: 'This media is unavailable (removed, or the link is dead).', fix: 'Check that the page still plays in the browser.' },
};

export function errorFix(code: string): ErrorText | undefined {
  return (ERROR_FIXES as Record<string, ErrorText | undefined>)[code];
}
