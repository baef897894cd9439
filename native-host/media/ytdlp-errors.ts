/**
 * yt-dlp's failures -> stable codes. The patterns are yt-dlp's own texts (yt_dlp/extractor/common.py raise_login_required,
 * raise_geo_restricted, _login_hint; extractor/youtube/_video.py: the playability reason it relays, SABR and PO token
 * warnings; YoutubeDL.py "Requested format is not available"; utils "Unsupported URL"; networking "HTTP Error 403"). Pure.
 */
import { NexError, type ErrorCode } from '../../shared/errors.js';
import { YTDLP_JS_RUNTIMES_SINCE, versionAtLeast, ytdlpReleaseDate } from './ytdlp-version.js';

/** Checked in order against the ERROR: line: the specific reasons first, since most of them also say "sign in". */
const BY_ERROR: Array<[ErrorCode, RegExp]> = [
  ['media.not_started', /This live event will begin|Premieres? in |Premiere will begin|live event has not started|This live stream recording is not available/i],
  ['media.members_only', /members-only content|available to this channel's members|Join this channel/i],
  ['media.age_restricted', /confirm your age|age-restricted|age restricted|inappropriate for some users/i],
  ['media.private', /Private video|This video is private/i],
  ['media.geo_blocked', /not available from your location|not made this video available in your country|geo.restrict/i],
  ['media.signin_required', /Sign in to confirm you[’']re not a bot|not a bot|Sign in|only available for registered users|Login details are needed|login required|requires authentication|--cookies-from-browser or --cookies/i],
];
/** Warnings earlier in the output that explain a later "no formats" / 403. */
const PO_TOKEN = /PO Token/i;
const SABR = /SABR/;
const NO_FORMATS = /Requested format is not available|No video formats found|HTTP Error 403|This video is not available|formats have been skipped/i;
const FORBIDDEN = /HTTP Error 403|403 Forbidden/i;
const FORMAT = /Requested format is not available/i;
const UNSUPPORTED = /Unsupported URL|no suitable (extractor|InfoExtractor)|is not a valid URL/i;
/** Extractor breakage typical of an outdated yt-dlp ("Unable to extract uploader id" broke YouTube for 2023.03.04). */
const BROKEN_EXTRACTOR = /Unable to extract|Signature extraction failed|nsig extraction failed|Failed to extract any player response|Unable to decode n-parameter|please report this issue/i;
const UNAVAILABLE =
  /HTTP Error (4\d\d|5\d\d)|not found|unavailable|has been removed|no longer available|does not exist|terminated|Unable to download (webpage|JSON)|Connection refused|Name or service not known|getaddrinfo|timed out|No video formats found|This video is only available/i;

const TRACEBACK_FRAME = /^(Traceback \(most recent call last\):|\s+File "|\s{2,}\S|\s*\^+\s*$|During handling of the above exception|The above exception was the direct cause)/;

/** The last line worth showing: the last ERROR: (without the bug-report boilerplate), else the last non-traceback, non-debug line. */
export function lastMeaningfulLine(stderr: string): string | null {
  const lines = stderr.split(/\r?\n/).filter((l) => l.trim());
  const err = lines.filter((l) => l.startsWith('ERROR:')).at(-1);
  const pick = err ?? lines.filter((l) => !TRACEBACK_FRAME.test(l) && !/^\[(debug|download)\]/.test(l) && !l.startsWith('WARNING:')).at(-1);
  if (!pick) return null;
  return pick
    .replace(/^(yt_dlp\.utils\.\w+Error: )?ERROR:\s*/, '')
    .replace(/;\s*please report this issue.*$/i, '')
    .replace(/\s*Confirm you are on the latest version.*$/i, '')
    .trim()
    .slice(0, 500);
}

export interface ClassifyContext {
  url: string;
  exitCode: number | null;
  ytdlpVersion?: string | null;
}

/** Which code this yt-dlp output means; null: none of the known reasons. */
export function classifyYtdlp(stderr: string, line: string | null, ytdlpVersion?: string | null): ErrorCode | null {
  const text = line ?? '';
  for (const [code, re] of BY_ERROR) if (re.test(text)) return code;
  const warnings = stderr.split(/\r?\n/).filter((l) => l.startsWith('WARNING:')).join('\n');
  if (NO_FORMATS.test(text) && PO_TOKEN.test(warnings)) return 'media.po_token';
  if (NO_FORMATS.test(text) && SABR.test(warnings)) return 'media.sabr_only';
  if (FORBIDDEN.test(text)) return 'media.forbidden';
  if (FORMAT.test(text)) return 'media.format_unavailable';
  if (UNSUPPORTED.test(text)) return 'media.unsupported';
  const old = ytdlpVersion && ytdlpReleaseDate(ytdlpVersion) && !versionAtLeast(ytdlpVersion, YTDLP_JS_RUNTIMES_SINCE);
  if (old && /^\[youtube/.test(text) && BROKEN_EXTRACTOR.test(text)) return 'media.ytdlp_too_old';
  if (UNAVAILABLE.test(text)) return 'media.unavailable';
  return null;
}

/** Exit code + stderr -> a NexError with a stable code; the yt-dlp line travels in details (never a stack trace). */
export function ytdlpFailure(stderr: string, ctx: ClassifyContext): NexError {
  const line = lastMeaningfulLine(stderr);
  const details = { url: ctx.url, exitCode: ctx.exitCode, ytdlpError: line };
  const code = classifyYtdlp(stderr, line, ctx.ytdlpVersion);
  if (code === 'media.unsupported') return new NexError(code, `No media found at this address (${line}).`, details);
  if (code === 'media.unavailable') return new NexError(code, `The media is not available: ${line}`, details);
  if (code) return new NexError(code, line ?? code, details);
  return new NexError('media.ytdlp_exit', `yt-dlp failed (exit ${ctx.exitCode ?? 'signal'}): ${line ?? 'no output'}`, details);
}

/** ffmpeg reading a URL itself: "Server returned 403 Forbidden (access denied)" is the same refusal yt-dlp reports. */
export function ffmpegHttpFailure(tail: string, details: Record<string, unknown>): NexError | null {
  if (/Server returned 403 Forbidden/i.test(tail)) return new NexError('media.forbidden', 'The media server refused the download (HTTP 403).', details);
  if (/Server returned 401 Unauthorized/i.test(tail)) return new NexError('media.signin_required', 'The media server wants a sign-in (HTTP 401).', details);
  return null;
}
