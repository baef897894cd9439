/**
 * The host's time limits the extension has to outlast (native-host/limits.ts uses them; the
 * extension's request time-outs are these plus a margin), so the host's precise error arrives
 * before the extension's generic protocol.timeout.
 */

/** yt-dlp -J on a real site can take many seconds; past this the host reports media.timeout. */
export const HOST_PROBE_TIMEOUT_MS = 90_000;
/** One whole resolve (every provider, the LLM and the YouTube search). */
export const HOST_RESOLVE_BUDGET_MS = 30_000;
/** Time the host needs after its own limit to kill the tool and send its error reply. */
export const HOST_REPLY_MARGIN_MS = 10_000;
