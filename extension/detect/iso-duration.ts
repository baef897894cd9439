/** ISO 8601 durations as JSON-LD writes them ("PT1H2M3.5S", "P0DT4M"), in seconds; null when unparsable. */
export function parseIsoDuration(text: string | null | undefined): number | null {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text?.trim() ?? '');
  if (!m || text?.trim().toUpperCase() === 'P' || text?.trim().toUpperCase() === 'PT') return null;
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  const total = Number(d) * 86400 + Number(h) * 3600 + Number(min) * 60 + Number(s);
  return total > 0 ? total : null;
}
