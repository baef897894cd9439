/**
 * The head start of a cold `nexstream download|probe <url>`: before the rest of the host loads, guess
 * the `yt-dlp -J` its probe will run (same config, same binary lookup, same arguments, same URL rule)
 * and start it (media/early-ytdlp.ts). The probe adopts it only on an exact match, so a wrong guess
 * (odd argv, a tool cache that says nothing yet) costs a killed process, never behaviour.
 * The `--js-runtimes` choice is made by the host's own chooser (media/js-runtime.ts) from the remembered
 * versions alone, so a yt-dlp that takes the flag gets the very argv the probe will build.
 * Imports only small modules, no zod, no execa: this runs before the rest of the bundle is even parsed.
 */
import path from 'node:path';
import { httpUrlProblem } from '../../shared/http-url.js';
import { dataDirOf, platformInfo, toolPathsOf } from '../config/paths.js';
import { SETPRIV_KEY, knowDeathSignal } from '../media/death-signal.js';
import { startEarlyYtdlp } from '../media/early-ytdlp.js';
import { findExecutable } from '../media/find-executable.js';
import { chooseJsRuntime, hostNode, type JsRuntime } from '../media/js-runtime.js';
import { playlistHint } from '../media/playlist-hint.js';
import { ToolCache, toolCacheFile } from '../media/tool-cache.js';
import { YTDLP_HELP_KEY, jsRuntimesFromVersion, ytdlpVersionKey } from '../media/tool-version.js';
import { ytdlpProbeArgs } from '../media/ytdlp-argv.js';

const nothing = async (): Promise<null> => null;

/**
 * What tools.ts decided about `--js-runtimes` for this binary last time, read from its cache, and the runtime
 * its chooser picks from the remembered runtime versions; null if any answer is not remembered.
 */
async function cachedJsRuntimes(ytdlp: string, cache: ToolCache, env: Record<string, string | undefined>): Promise<{ supported: boolean; runtime: JsRuntime | null } | null> {
  const version = await cache.get(ytdlp, ytdlpVersionKey(path.basename(ytdlp)), nothing);
  let supported = jsRuntimesFromVersion(version);
  if (supported === null) {
    const help = await cache.get(ytdlp, YTDLP_HELP_KEY, nothing);
    if (help === null) return null;
    supported = help === 'true';
  }
  if (!supported) return { supported, runtime: null };
  // The same search discoverTools() makes (same env, the same host node), answered from the cache only.
  const choice = await chooseJsRuntime({ ytdlpVersion: version, env, hostNode: hostNode(), cache, cacheOnly: true });
  return { supported, runtime: choice.runtime };
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
    const cache = new ToolCache(toolCacheFile(dataDirOf(env, platformInfo(env))));
    const js = await cachedJsRuntimes(ytdlp, cache, env);
    if (js === null) return;
    // The death-signal guard as tools.ts remembered it for this setpriv: no `setpriv --help` run before the spawn.
    const setpriv = process.platform === 'linux' ? await findExecutable('setpriv', process.env) : null;
    const guard = setpriv ? await cache.get(setpriv, SETPRIV_KEY, nothing) : null;
    if (guard !== null) knowDeathSignal(guard === 'true');
    startEarlyYtdlp(ytdlp, ytdlpProbeArgs(url, { ytdlpSupportsJsRuntimes: js.supported, jsRuntime: js.runtime }));
  } catch {
    // Only a head start: the probe runs the normal way.
  }
}
