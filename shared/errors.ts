/**
 * Stable, namespaced error codes. Expected failures travel as values carrying one of these;
 * human messages are made at the edge (popup, CLI). Keep in sync with PROTOCOL.md.
 */
import { redact } from './redact.js';

export const ERROR_CODES = [
  'input.invalid_url', // not http(s), starts with '-', unparsable
  'input.invalid', // a request field failed validation
  'protocol.bad_frame', // body not UTF-8 JSON, or absurd length
  'protocol.unknown_type', // request type the host does not know
  'protocol.version', // protocol version mismatch
  'protocol.timeout', // extension side: no reply in time
  'host.not_installed', // extension side: native host missing
  'host.disconnected', // extension side: port closed mid-request
  'host.busy', // the cap on live helper processes is reached
  'media.unsupported', // no extractor / not media
  'media.unavailable', // dead link, 404, removed
  'media.signin_required', // the site wants a sign-in or a bot check ("Sign in to confirm you're not a bot")
  'media.forbidden', // HTTP 403 from the site or its media server
  'media.private', // private video
  'media.members_only', // channel members / subscribers only
  'media.age_restricted', // needs a signed-in adult account
  'media.geo_blocked', // not available in this country
  'media.not_started', // live event or premiere has not started yet
  'media.live', // a live stream where a recording was not asked for
  'media.live_unrecordable', // a live stream whose formats NexStream cannot record (not HLS or plain HTTP)
  'media.sabr_only', // YouTube offered only SABR streams, which yt-dlp cannot download
  'media.po_token', // YouTube wants a PO token for these formats
  'media.format_unavailable', // the requested format is not offered
  'media.ytdlp_too_old', // the installed yt-dlp cannot handle this site any more
  'media.no_audio', // audio preset on a source with no audio stream
  'media.no_video', // video preset on audio-only source
  'media.ytdlp_missing',
  'media.ffmpeg_missing',
  'media.ytdlp_exit',
  'media.ffmpeg_exit',
  'media.timeout', // a yt-dlp/ffmpeg/ffprobe run did not finish in its time limit (details.timedOut)
  'media.disk_full',
  'media.output', // target folder not writable / invalid
  'media.stalled', // no bytes and no ffmpeg progress for the stall time
  'media.truncated', // the output is shorter than the source said (body ended early)
  'media.empty_playlist', // a batch whose playlist lists no entries
  'job.not_found',
  'job.cancelled',
  'job.queue_full',
  'resolver.no_match', // no confident match (candidates returned)
  'resolver.unsupported_link',
  'resolver.collection', // album / playlist link, not a track
  'resolver.not_found', // no provider knows the track
  'resolver.collection_empty', // album / playlist deleted, empty, or unknown to its catalogue
  'resolver.collection_unreadable', // no keyless API lists it and the page gave no readable rows
  'resolver.provider', // no track: the providers that could name it failed or timed out
  'registry.unavailable', // registry down, unreachable, timed out or corrupt: resolving uncached
  'registry.auth', // the shared registry refused TURSO_AUTH_TOKEN (missing, wrong, expired): resolving uncached
  'config.invalid',
  'os.reveal_failed', // the file manager could not be started (xdg-open / open / explorer)
  'config.broken', // the config file does not parse: writes refused until it is fixed or reset
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a yt-dlp / ffmpeg / ffprobe run failed, in execa's model (lib/return/final-error.js): carried
 * in `details` of media.ytdlp_exit, media.ffmpeg_exit and media.timeout. `cause` is the original
 * error's message (the Error itself stays on the host as NexError.cause).
 */
export interface ProcessFailure {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  isCanceled: boolean;
  cause?: string;
}

/** An expected failure: a code, a message for humans, optional structured context. */
export class NexError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NexError';
    this.code = code;
    if (details) this.details = details;
  }
}

export function isNexError(e: unknown): e is NexError {
  return e instanceof NexError;
}

/**
 * Plain, serialisable form of any thrown value. Unknown errors become 'internal'. Messages and string
 * details are redacted: they echo URLs and tool output (userinfo, signed query strings) to the extension.
 */
export function toErrorPayload(e: unknown): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
  if (isNexError(e)) {
    const message = redact(e.message);
    return e.details ? { code: e.code, message, details: redactDetails(e.details) } : { code: e.code, message };
  }
  return { code: 'internal', message: redact(e instanceof Error ? e.message : String(e)) };
}

function redactDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, typeof v === 'string' ? redact(v) : v]));
}
