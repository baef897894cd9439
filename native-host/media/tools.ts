/** Finds yt-dlp, ffmpeg and ffprobe, reads their versions, and reports what is missing or too old (`nexstream doctor`). */
import path from 'node:path';
import { execa } from 'execa';
import { NexError } from '../../shared/errors.js';
import type { ToolStatus } from '../../shared/protocol/index.js';
import { SETPRIV_KEY, deathSignalPrefix, knowDeathSignal } from './death-signal.js';
import { findExecutable } from './find-executable.js';
import { chooseJsRuntime, hostNode } from './js-runtime.js';
import { ToolCache } from './tool-cache.js';
import { YTDLP_HELP_KEY, jsRuntimesFromVersion } from './tool-version.js';
import type { Tools } from './types.js';
import { LIMITS } from '../limits.js';
import { ytdlpStatuses, type YtdlpReportOptions } from './ytdlp-report.js';
import { YTDLP_JS_RUNTIMES_SINCE, versionAtLeast } from './ytdlp-version.js';

export { YTDLP_JS_RUNTIMES_SINCE, versionAtLeast };

export const YTDLP_FIX =
  'Install yt-dlp: `pipx install yt-dlp` (or `python3 -m pip install -U yt-dlp`, `brew install yt-dlp`, `apt-get install yt-dlp`), or set NEXSTREAM_YTDLP to its path.';
export const FFMPEG_FIX =
  'Install FFmpeg (with ffprobe): `apt-get install ffmpeg`, `brew install ffmpeg`, `winget install ffmpeg`, or set NEXSTREAM_FFMPEG / NEXSTREAM_FFPROBE to their paths.';
const MIN_FFMPEG_MAJOR = 4;

async function versionOf(file: string, args: string[]): Promise<string | null> {
  const r = await execa(file, args, { reject: false, timeout: LIMITS.toolQueryMs, stdin: 'ignore' });
  return r.exitCode === 0 ? r.stdout.trim() : null;
}

/** 'ffmpeg version 5.1.9-0+deb12u1 Copyright ...' -> '5.1.9-0+deb12u1'; git builds ('N-11...') come back whole. */
export function parseFfmpegVersion(firstLine: string): string | null {
  return /version\s+(\S+)/.exec(firstLine)?.[1] ?? null;
}

const helpCache = new Map<string, Promise<boolean>>();

/** By version date; a version string we cannot read is settled by `--help` (once per binary, and per fingerprint with a cache). */
export async function supportsJsRuntimes(ytdlp: string, version: string | null, cache?: ToolCache): Promise<boolean> {
  const dated = jsRuntimesFromVersion(version);
  if (dated !== null) return dated;
  let p = helpCache.get(ytdlp);
  if (!p) {
    const ask = () => execa(ytdlp, ['--help'], { reject: false, timeout: LIMITS.toolQueryMs, stdin: 'ignore' }).then((r) => (r.exitCode === 0 ? String(r.stdout.includes('--js-runtimes')) : null));
    p = (cache ? cache.get(ytdlp, YTDLP_HELP_KEY, ask) : ask()).then((a) => a === 'true');
    helpCache.set(ytdlp, p);
  }
  return p;
}

/** Configured tool paths (HostConfig.tools); null: look the tool up on PATH. */
export interface ToolPaths {
  ytdlp: string | null;
  ffmpeg: string | null;
  ffprobe: string | null;
}

export interface DiscoverOptions {
  /** JSON file remembering each binary's version by path + size + mtime (e.g. `<dataDir>/tools.json`); none: ask every time. */
  cacheFile?: string;
  /** The host's typed config; without it (bench, media tests) the NEXSTREAM_* variables of `env` name the tools. */
  paths?: ToolPaths;
}

/** Where to look: the typed paths when the host passes them, else the environment's overrides. */
function toolPaths(env: NodeJS.ProcessEnv, paths?: ToolPaths): ToolPaths {
  return paths ?? { ytdlp: env.NEXSTREAM_YTDLP ?? null, ffmpeg: env.NEXSTREAM_FFMPEG ?? null, ffprobe: env.NEXSTREAM_FFPROBE ?? null };
}

/** Resolves the tools or throws media.ytdlp_missing / media.ffmpeg_missing with the install fix. */
export async function discoverTools(env: NodeJS.ProcessEnv = process.env, opts: DiscoverOptions = {}): Promise<Tools> {
  const where = toolPaths(env, opts.paths);
  const [ytdlp, ffmpeg, ffprobe] = await Promise.all([findExecutable('yt-dlp', env, where.ytdlp), findExecutable('ffmpeg', env, where.ffmpeg), findExecutable('ffprobe', env, where.ffprobe)]);
  if (!ytdlp) throw new NexError('media.ytdlp_missing', `yt-dlp was not found. ${YTDLP_FIX}`);
  if (!ffmpeg || !ffprobe) throw new NexError('media.ffmpeg_missing', `${ffmpeg ? 'ffprobe' : 'ffmpeg'} was not found. ${FFMPEG_FIX}`);
  const cache = opts.cacheFile ? new ToolCache(opts.cacheFile) : null;
  // Only the first line matters (ffmpeg goes on with its build configuration).
  const first = (file: string, args: string[]) => versionOf(file, args).then((o) => (o === null ? null : (o.split('\n')[0] ?? '')));
  const ask = (file: string, args: string[]) => (cache ? cache.get(file, `${path.basename(file)} ${args.join(' ')}`, () => first(file, args)) : first(file, args));
  const [ytdlpVersion, ffmpegOut] = await Promise.all([ask(ytdlp, ['--version']), ask(ffmpeg, ['-hide_banner', '-version'])]);
  const ytdlpSupportsJsRuntimes = await supportsJsRuntimes(ytdlp, ytdlpVersion, cache ?? undefined);
  // The death-signal guard, remembered per setpriv binary (looked up on the PATH spawn() itself uses): neither
  // this process nor the CLI's early probe start (cli/early-probe.ts) then runs `setpriv --help`.
  const setpriv = cache && process.platform === 'linux' ? await findExecutable('setpriv', process.env) : null;
  const guard = cache && setpriv ? await cache.get(setpriv, SETPRIV_KEY, async () => String(deathSignalPrefix().length > 0)) : null;
  if (guard !== null) knowDeathSignal(guard === 'true');
  const choice = ytdlpSupportsJsRuntimes ? await chooseJsRuntime({ ytdlpVersion, env, hostNode: hostNode(), cache: cache ?? undefined }) : null;
  await cache?.save();
  return {
    ytdlp,
    ffmpeg,
    ffprobe,
    ytdlpVersion,
    ffmpegVersion: ffmpegOut ? parseFfmpegVersion(ffmpegOut.split('\n')[0] ?? '') : null,
    ytdlpSupportsJsRuntimes,
    jsRuntime: choice?.runtime ?? null,
  };
}

/** One ToolStatus per tool, for `nexstream doctor`; never throws. */
export async function toolReport(env: NodeJS.ProcessEnv = process.env, opts: YtdlpReportOptions & { paths?: ToolPaths } = {}): Promise<ToolStatus[]> {
  const { paths, ...reportOpts } = opts;
  const where = toolPaths(env, paths);
  const find = async (name: string, override: string | null, args: string[]) => {
    const p = await findExecutable(name, env, override);
    const out = p ? await versionOf(p, args).catch(() => null) : null;
    return { p, version: out ? (name === 'yt-dlp' ? out : parseFfmpegVersion(out.split('\n')[0] ?? '')) : null };
  };
  const [y, f, fp] = await Promise.all([
    find('yt-dlp', where.ytdlp, ['--version']),
    find('ffmpeg', where.ffmpeg, ['-hide_banner', '-version']),
    find('ffprobe', where.ffprobe, ['-hide_banner', '-version']),
  ]);
  const status = (name: string, t: typeof y, fix: string, tooOld: string | null): ToolStatus => {
    if (!t.p) return { name, path: null, version: null, ok: false, problem: 'not found', fix };
    if (!t.version) return { name, path: t.p, version: null, ok: false, problem: 'found but does not run', fix };
    return tooOld ? { name, path: t.p, version: t.version, ok: true, problem: tooOld, fix } : { name, path: t.p, version: t.version, ok: true };
  };
  const ffMajor = f.version ? Number.parseInt(f.version, 10) : NaN;
  const ffOld = Number.isFinite(ffMajor) && ffMajor < MIN_FFMPEG_MAJOR ? `ffmpeg ${f.version} is older than ${MIN_FFMPEG_MAJOR}.0` : null;
  const yt = y.p && y.version ? await ytdlpStatuses(y.p, y.version, env, { hostNode: hostNode(), ...reportOpts }) : [status('yt-dlp', y, YTDLP_FIX, null)];
  return [
    ...yt,
    status('ffmpeg', f, FFMPEG_FIX, ffOld),
    status('ffprobe', fp, FFMPEG_FIX, null),
  ];
}
