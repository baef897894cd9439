/**
 * The head start of a cold `nexstream download|probe <url>`: before the rest of the host loads, guess
 * the `yt-dlp -J` its probe will run (same config, same binary lookup, same arguments, same URL rule)
 * and start it (media/early-ytdlp.ts). The probe adopts it only on an exact match, so a wrong guess
 * (odd argv, a tool cache that says nothing yet) costs a killed process, never behaviour.
 * Imports only small modules, no zod: this runs before execa and the rest of the bundle are even parsed.
 */
import path from 'node:path';
import { httpUrlProblem } from '../../shared/http-url.js';
import { dataDirOf, platformInfo, toolPathsOf } from '../config/paths.js';
import { startEarlyYtdlp } from '../media/early-ytdlp.js';
import { findExecutable } from '../media/find-executable.js';
import { playlistHint } from '../media/playlist-hint.js';
import { ToolCache, toolCacheFile } from '../media/tool-cache.js';
import { YTDLP_HELP_KEY, jsRuntimesFromVersion, ytdlpVersionKey } from '../media/tool-version.js';
import { ytdlpProbeArgs } from '../media/ytdlp-args.js';

const nothing = async (): Promise<null> => null;

/** What tools.ts decided about `--js-runtimes` for this binary last time, read from its cache; null if unknown. */
async function cachedJsRuntimes(ytdlp: string, cache: ToolCache): Promise<boolean | null> {
  const dated = jsRuntimesFromVersion(await cache.get(ytdlp, ytdlpVersionKey(path.basename(ytdlp)), nothing));
  if (dated !== null) return dated;
  const help = await cache.get(ytdlp, YTDLP_HELP_KEY, nothing);
  return help === null ? null : help === 'true';
}

/** Starts the probe's `yt-dlp -J` when argv is a plain `download|probe` of one URL; never throws. */
export async function startEarlyProbe(argv: readonly string[], env: Record<string, string | undefined>): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'download' && command !== 'probe') return;
  // --resolve turns text into a URL first; help prints and exits.
  if (rest.some((a) => a === '--resolve' || a === '--help' || a === '-h')) return;
  const urls = rest.filter((a) => httpUrlProblem(a) === null);
  const url = urls[0];
  // A download of a URL that names a list lists it instead of probing it (services/probe-playlist.ts downloadListing).
  if (urls.length !== 1 || url === undefined || (command === 'download' && playlistHint(url))) return;
  try {
    // The same lookups loadConfig() and the media service make, without loading zod.
    const ytdlp = await findExecutable('yt-dlp', env, toolPathsOf(env).ytdlp);
    if (!ytdlp) return;
    const js = await cachedJsRuntimes(ytdlp, new ToolCache(toolCacheFile(dataDirOf(env, platformInfo(env)))));
    if (js === null) return;
    startEarlyYtdlp(ytdlp, ytdlpProbeArgs(url, { ytdlpSupportsJsRuntimes: js }));
  } catch {
    // Only a head start: the probe runs the normal way.
  }
}
