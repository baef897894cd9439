/**
 * What a yt-dlp version string says about its command line. Pure and free of execa, so the CLI's
 * early probe start (native-host/cli/early-probe.ts) can read it before the bundle's libraries load.
 */

/** First yt-dlp release with `--js-runtimes` (needed for YouTube since late 2025). */
export const YTDLP_JS_RUNTIMES_SINCE = '2025.11';

/** The ToolCache questions whose answers decide `--js-runtimes` (tools.ts asks them, the early start only reads them). */
export const ytdlpVersionKey = (basename: string) => `${basename} --version`;
export const YTDLP_HELP_KEY = 'yt-dlp --help has --js-runtimes';

/** '2025.11.12' (or nightly '2025.11.12.232905') >= '2025.11'? Compares numeric parts. */
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

/** True/false from a dated version; null when the string is not a date (then `--help` has to settle it). */
export function jsRuntimesFromVersion(version: string | null): boolean | null {
  if (version && /^\d{4}\.\d{1,2}\.\d{1,2}/.test(version)) return versionAtLeast(version, YTDLP_JS_RUNTIMES_SINCE);
  return null;
}
