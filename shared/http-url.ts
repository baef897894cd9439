/**
 * The one rule for "a URL we may hand to yt-dlp/ffmpeg": http(s), at most 8192 characters, no control
 * characters, never starting with "-" (so it can never pass for an option). Plain code, no zod, so the CLI's early
 * probe start (native-host/cli/early-probe.ts) can check a URL before the bundle's libraries load;
 * the protocol's HttpUrl schema is built from the same function.
 */
export const HTTP_URL_MAX_LENGTH = 8192;

/**
 * Why `s` is not a usable URL, or null when it is. One issue per URL, the most telling first: too long, control characters (a NUL would be percent-encoded by
 * URL() and reach yt-dlp), option-like, not http(s).
 */
export function httpUrlProblem(s: string): string | null {
  if (s.length > HTTP_URL_MAX_LENGTH) return `URL is too long (${s.length} characters; at most ${HTTP_URL_MAX_LENGTH})`;
  if (/[\u0000-\u001f\u007f]/.test(s)) return 'URL must not contain control characters';
  if (s.startsWith('-')) return 'URL must not start with "-"';
  try {
    const u = new URL(s);
    if (u.protocol === 'http:' || u.protocol === 'https:') return null;
  } catch {
    // not a URL at all: same answer as another scheme
  }
  return 'URL must be http(s)';
}
