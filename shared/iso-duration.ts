/**
 * ISO 8601 durations ("PT1H2M3.5S", "P0DT4M") in seconds, as JSON-LD pages (the extension) and DASH
 * manifests' mediaPresentationDuration (the host) write them; null when unparsable or zero.
 */
export function parseIsoDuration(text: string | null | undefined): number | null {
  const s = text?.trim().toUpperCase() ?? '';
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s);
  if (!m || s === 'P' || s === 'PT') return null;
  const [d = 0, h = 0, min = 0, sec = 0] = m.slice(1).map((x) => (x ? Number(x) : 0));
  const total = d * 86400 + h * 3600 + min * 60 + sec;
  // Millisecond precision: float sums like 0.1 + 0.2 must not leak into durations shown or compared.
  return total > 0 ? Math.round(total * 1000) / 1000 : null;
}
