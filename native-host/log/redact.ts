/**
 * Scrubs secrets from log text before it reaches any sink: known secret values from the config,
 * credential headers, bearer tokens and key/token query parameters (yt-dlp prints full URLs).
 */
export type Redactor = (text: string) => string;

const MASK = '***';
const HEADER = /\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key|x-goog-api-key)(["']?\s*[:=]\s*["']?)([^"'\r\n]*)/gi;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi;
const QUERY = /([?&;][\w.-]*(?:key|token|secret|signature|sig|password|auth)=)[^&#\s"'<>]*/gi;

export function createRedactor(secrets: () => readonly string[]): Redactor {
  return (text) => {
    let out = text;
    for (const s of secrets()) {
      // Very short values would mask ordinary words; real keys are long.
      if (s.length >= 6) out = out.split(s).join(MASK);
    }
    return out
      .replace(HEADER, (_m, name: string, sep: string) => `${name}${sep}${MASK}`)
      .replace(BEARER, (_m, scheme: string) => `${scheme} ${MASK}`)
      .replace(QUERY, (_m, prefix: string) => `${prefix}${MASK}`);
  };
}
