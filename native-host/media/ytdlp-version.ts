/**
 * What a yt-dlp version string says: release date, age, whether it takes `--js-runtimes`, and which JS runtimes it accepts.
 * Floors from yt-dlp's yt_dlp/utils/_jsruntime.py (MIN_SUPPORTED_VERSION per runtime; raised in 2026.06.09 by #16787/#16788). Pure.
 */

/** First yt-dlp release with `--js-runtimes` (YouTube needs an external JS runtime since then). */
export const YTDLP_JS_RUNTIMES_SINCE = '2025.11.12';
/** First release that rejects Deno < 2.3.0 and Node < 22. */
export const YTDLP_STRICT_RUNTIMES_SINCE = '2026.06.09';
/** yt-dlp itself warns once a release is this old. */
export const YTDLP_MAX_AGE_DAYS = 90;

/** '2025.11.12' (or nightly '2025.11.12.232905') >= '2025.11'? Compares numeric parts; a non-numeric version never is. */
export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  const b = min.split('.').map(Number);
  for (let i = 0; i < b.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Number.isNaN(x)) return false;
    if (x !== y) return x > y;
  }
  return true;
}

/** yt-dlp versions are release dates: '2026.06.09' -> that day (UTC); custom builds -> null. */
export function ytdlpReleaseDate(version: string | null): Date | null {
  const m = /^(\d{4})\.(\d{1,2})\.(\d{1,2})/.exec(version ?? '');
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function ytdlpAgeDays(version: string | null, now: Date = new Date()): number | null {
  const d = ytdlpReleaseDate(version);
  return d ? Math.max(0, Math.floor((now.getTime() - d.getTime()) / 86_400_000)) : null;
}

export interface RuntimeFloors {
  deno: string;
  node: string;
}

/** The oldest Deno and Node this yt-dlp accepts; an unreadable version gets the strictest floors (never one it rejects). */
export function runtimeFloors(version: string | null): RuntimeFloors {
  const dated = ytdlpReleaseDate(version) !== null;
  if (dated && version && !versionAtLeast(version, YTDLP_STRICT_RUNTIMES_SINCE)) return { deno: '2.0.0', node: '20.0.0' };
  return { deno: '2.3.0', node: '22.0.0' };
}
