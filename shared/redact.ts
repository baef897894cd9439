/**
 * The one redactor: scrubs secrets from text before it reaches a log, a log frame, the DevTools panel,
 * the clipboard or an export. The host runs it on every line (with its configured secret values); the
 * extension runs it again before storing, so a host bug or an old host never puts a secret on screen.
 */

/** What every hidden value becomes, on both sides. */
export const MASK = '***';

export type Redactor = (text: string) => string;

/** A header value runs to the end of the line, a quote, or a literal "\r\n" escape (ffmpeg's -headers block). */
const VALUE = String.raw`(?:[^"'\r\n\\]|\\(?![rn]))*`;

/** One rule: what to find and how to rewrite it. Order matters: headers before generic params. */
const RULES: { re: RegExp; replace: (substring: string, ...groups: string[]) => string }[] = [
  // Credential headers, plain or JSON-quoted ("Cookie": "..."), as yt-dlp and ffmpeg print them.
  {
    re: new RegExp(String.raw`\b((?:proxy-)?authorization|set-cookie|cookie|x-api-key|x-goog-api-key)(["']?\s*[:=]\s*["']?)${VALUE}`, 'gi'),
    replace: (_m, name, sep) => `${name}${sep}${MASK}`,
  },
  // Other X-...-Key/Token/Auth style headers.
  { re: new RegExp(String.raw`\b(x-[a-z-]*(?:api-?key|token|auth)[a-z-]*)(\s*:\s*)${VALUE}`, 'gi'), replace: (_m, name, sep) => `${name}${sep}${MASK}` },
  // Bearer/basic credentials written without a header name (e.g. in an error message).
  { re: /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi, replace: (_m, scheme) => `${scheme} ${MASK}` },
  // Query/CLI/JSON params that carry secrets: key=, api_key=, authToken=, secret=, password=, X-Amz-Signature=.
  {
    re: /([?&;\s"'{,]|^)([\w.-]*?(?:key|token|secret|auth|password|passwd|pwd|signature|sig))(=|"\s*:\s*")([^&#\s"',;}<>]+)/gi,
    replace: (_m, pre, name, eq) => `${pre}${name}${eq}${MASK}`,
  },
  // yt-dlp's credential flags on a logged command line: --password X, --video-password=X, --ap-password X.
  { re: /(--[a-z-]*password[= ])(?:'[^']*'|"[^"]*"|\S+)/gi, replace: (_m, flag) => `${flag}${MASK}` },
  // Provider key shapes: Groq (gsk_), Google (AIza), OpenAI-like (sk-), JWTs (Turso auth tokens are JWTs).
  { re: /\bgsk_[a-z0-9]{16,}/gi, replace: () => MASK },
  { re: /\bAIza[0-9A-Za-z_-]{30,}/g, replace: () => MASK },
  { re: /\bsk-[A-Za-z0-9_-]{20,}/g, replace: () => MASK },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: () => MASK },
  // Userinfo in URLs: http://alice:secret@host/ keeps the user name, loses the password.
  { re: /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#:@"'<>]+):[^\s/?#@"'<>]+@/gi, replace: (_m, userPart) => `${userPart}:${MASK}@` },
];

// Cheap pre-check: most log lines (ffmpeg stats, yt-dlp progress) contain none of these, skip the regex work.
const SUSPECT = /auth|cookie|key|token|secret|pass|pwd|sig|bearer|basic|gsk_|AIza|sk-|eyJ|@|x-/i;

/** Very short configured values would mask ordinary words; real keys are long. */
const MIN_SECRET_LENGTH = 6;

/** Returns `text` with secrets replaced by MASK: the given secret values anywhere, then credential shapes. Idempotent. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= MIN_SECRET_LENGTH) out = out.split(s).join(MASK);
  if (!SUSPECT.test(out)) return out;
  for (const rule of RULES) out = out.replace(rule.re, rule.replace as never);
  return out;
}

/** A redactor bound to secret values read on every call (so a config change takes effect at once). */
export function createRedactor(secrets: () => readonly string[]): Redactor {
  return (text) => redact(text, secrets());
}
