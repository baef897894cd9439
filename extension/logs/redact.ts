/**
 * Defence in depth: the host already redacts, but the relay and the panel redact again before
 * storing, so a host bug or an old host never puts a secret into the panel, the clipboard or an export.
 */

const MASK = '[redacted]';

/** One rule: what to find and how to rewrite it. Order matters: headers before generic params. */
interface Rule {
  re: RegExp;
  replace: string | ((substring: string, ...groups: string[]) => string);
}

const RULES: Rule[] = [
  // Authorization / Proxy-Authorization headers: keep the scheme word out too, it can hint at the token type only.
  { re: /\b((?:proxy-)?authorization)(\s*[:=]\s*)(?:"[^"]*"|'[^']*'|[^\r\n"']*)/gi, replace: `$1$2${MASK}` },
  // Cookie / Set-Cookie headers run until the end of the header (quote, literal \r\n escape, or end of line).
  { re: /\b(set-cookie|cookie)(\s*:\s*)(?:[^\r\n"'\\]|\\(?![rn]))*/gi, replace: `$1$2${MASK}` },
  // X-Api-Key style headers.
  { re: /\b(x-[a-z-]*(?:api-?key|token|auth)[a-z-]*)(\s*:\s*)[^\r\n"'\\]*/gi, replace: `$1$2${MASK}` },
  // Query/CLI params that carry secrets: key=, api_key=, token=, authToken=, access_token=, secret=, password=, sig=.
  {
    re: /([?&;\s"'{,]|^)((?:[a-z_-]*api[_-]?)?key|[a-z_-]*token|[a-z_-]*secret|password|passwd|pwd|sig|signature)(=|"\s*:\s*")([^&\s"',;}]+)/gi,
    replace: (_m, pre: string, name: string, eq: string) => `${pre}${name}${eq}${MASK}`,
  },
  // Bearer tokens written without a header name (e.g. in an error message).
  { re: /\b(bearer)\s+[a-z0-9._~+/=-]{8,}/gi, replace: `$1 ${MASK}` },
  // Provider key shapes: Groq (gsk_), Google (AIza), OpenAI-like (sk-), JWTs (Turso auth tokens are JWTs).
  { re: /\bgsk_[a-z0-9]{16,}/gi, replace: MASK },
  { re: /\bAIza[0-9A-Za-z_-]{30,}/g, replace: MASK },
  { re: /\bsk-[A-Za-z0-9_-]{20,}/g, replace: MASK },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: MASK },
  // user:password@ in URLs.
  { re: /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@"']+):[^\s/@"']+@/gi, replace: `$1:${MASK}@` },
];

// Cheap pre-check: most log lines (ffmpeg stats, yt-dlp progress) contain none of these, skip the regex work.
const SUSPECT = /authoriz|cookie|key|token|secret|pass|pwd|sig|bearer|gsk_|AIza|sk-|eyJ|@|x-/i;

/** Returns `text` with obvious secrets replaced by "[redacted]". Idempotent. */
export function redact(text: string): string {
  if (!SUSPECT.test(text)) return text;
  let out = text;
  for (const rule of RULES) out = out.replace(rule.re, rule.replace as never);
  return out;
}
