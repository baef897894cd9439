/**
 * What a yt-dlp version string says about its command line. Pure and free of execa, so the CLI's
 * early probe start (native-host/cli/early-probe.ts) can read it before the bundle's libraries load.
 */
import { YTDLP_JS_RUNTIMES_SINCE, versionAtLeast } from './ytdlp-version.js';

export { YTDLP_JS_RUNTIMES_SINCE, versionAtLeast };

/** The ToolCache questions whose answers decide `--js-runtimes` (tools.ts asks them, the early start only reads them). */
export const ytdlpVersionKey = (basename: string) => `${basename} --version`;
export const YTDLP_HELP_KEY = 'yt-dlp --help has --js-runtimes';

/** True/false from a dated version; null when the string is not a date (then `--help` has to settle it). */
export function jsRuntimesFromVersion(version: string | null): boolean | null {
  if (version && /^\d{4}\.\d{1,2}\.\d{1,2}/.test(version)) return versionAtLeast(version, YTDLP_JS_RUNTIMES_SINCE);
  return null;
}
