/**
 * The yt-dlp half of `nexstream doctor`: version and age, the YouTube challenge solver (yt-dlp-ejs), the JS runtime the host
 * will pass, each with the exact fix. Never throws.
 */
import { execa } from 'execa';
import type { ToolStatus } from '../../shared/protocol/index.js';
import { chooseJsRuntime, type RuntimeChoice, type RuntimeSearch } from './js-runtime.js';
import { YTDLP_JS_RUNTIMES_SINCE, YTDLP_MAX_AGE_DAYS, runtimeFloors, versionAtLeast, ytdlpAgeDays, ytdlpReleaseDate } from './ytdlp-version.js';

export const YTDLP_UPDATE_FIX = 'Update yt-dlp: `yt-dlp -U` (official binary), `pipx upgrade yt-dlp` or `python3 -m pip install -U "yt-dlp[default]"` (distribution packages lag behind), or point NEXSTREAM_YTDLP at a newer binary.';
export const SOLVER_FIX = 'Install yt-dlp with its challenge solver: `pipx install --force "yt-dlp[default]"` or `python3 -m pip install -U "yt-dlp[default]"`, or use the official yt-dlp binary, which ships it.';
export const RUNTIME_FIX = (f: { deno: string; node: string }) =>
  `Install Deno ${f.deno}+ (\`npm install -g deno\`) or Node ${f.node.split('.')[0]}+ (https://nodejs.org), or set NEXSTREAM_DENO / NEXSTREAM_NODE to one.`;

export interface VerboseHeader {
  /** `[debug] Optional libraries: Cryptodome-3.11.0, yt_dlp_ejs-0.8.0, ...` as name -> version. */
  libraries: Map<string, string>;
  /** `[debug] JS runtimes: deno 2.5.6, node 22.12.0` (newer yt-dlp only), as printed. */
  jsRuntimes: string | null;
}

/** Reads the `[debug]` header `yt-dlp -v` prints (YoutubeDL.print_debug_header) before it complains there is no URL. */
export function parseVerboseHeader(stderr: string): VerboseHeader {
  const libraries = new Map<string, string>();
  const libs = /^\[debug\] Optional libraries: (.*)$/m.exec(stderr)?.[1] ?? '';
  for (const item of libs.split(',').map((s) => s.trim())) {
    const m = /^(.+?)-(\S+)$/.exec(item);
    if (m?.[1] && m[2]) libraries.set(m[1], m[2]);
    else if (item && item !== 'none') libraries.set(item, '');
  }
  return { libraries, jsRuntimes: /^\[debug\] JS runtimes: (.*)$/m.exec(stderr)?.[1]?.trim() ?? null };
}

async function verboseHeader(ytdlp: string): Promise<VerboseHeader | null> {
  // No URL: yt-dlp prints its debug header, then a usage error (exit 2). --ignore-config: the user's config cannot add one.
  const r = await execa(ytdlp, ['-v', '--ignore-config'], { reject: false, timeout: 30_000, stdin: 'ignore' }).catch(() => null);
  return r && /\[debug\] /.test(r.stderr) ? parseVerboseHeader(r.stderr) : null;
}

export interface YtdlpReportOptions extends Omit<RuntimeSearch, 'ytdlpVersion' | 'env'> {
  now?: Date;
}

function versionStatus(ytdlp: string, version: string, now: Date): ToolStatus {
  const problems: string[] = [];
  if (!versionAtLeast(version, YTDLP_JS_RUNTIMES_SINCE) && ytdlpReleaseDate(version))
    problems.push(`yt-dlp ${version} predates ${YTDLP_JS_RUNTIMES_SINCE}: generic pages work, but YouTube (which needs --js-runtimes) and sites that change often will fail`);
  const age = ytdlpAgeDays(version, now);
  if (age !== null && age > YTDLP_MAX_AGE_DAYS) problems.push(`this release is ${age} days old (yt-dlp itself warns after ${YTDLP_MAX_AGE_DAYS}); sites change faster than that`);
  const s: ToolStatus = { name: 'yt-dlp', path: ytdlp, version, ok: true };
  return problems.length ? { ...s, problem: problems.join('; '), fix: YTDLP_UPDATE_FIX } : s;
}

function runtimeStatus(version: string, choice: RuntimeChoice): ToolStatus {
  const floors = runtimeFloors(version);
  const found = choice.rejected.map((r) => `${r.source} ${r.path}: ${r.why}`).join('; ');
  if (choice.runtime) {
    const { name, path, version: v, source } = choice.runtime;
    return { name: 'js runtime', path, version: `${name} ${v} (${source}; passed as --js-runtimes ${name}:PATH)`, ok: true };
  }
  return { name: 'js runtime', path: null, version: null, ok: false, problem: `no JS runtime yt-dlp ${version} accepts (Deno >= ${floors.deno} or Node >= ${floors.node}); YouTube will fail${found ? `. Found: ${found}` : ''}`, fix: RUNTIME_FIX(floors) };
}

/** yt-dlp, challenge solver and JS runtime statuses; `ytdlp` is the found binary and `version` its `--version` (null: does not run). */
export async function ytdlpStatuses(ytdlp: string, version: string, env: NodeJS.ProcessEnv, opts: YtdlpReportOptions = {}): Promise<ToolStatus[]> {
  const now = opts.now ?? new Date();
  const out = [versionStatus(ytdlp, version, now)];
  const dated = ytdlpReleaseDate(version) !== null;
  if (dated && !versionAtLeast(version, YTDLP_JS_RUNTIMES_SINCE)) {
    // Nothing to pass today; say what an updated yt-dlp would get (the strictest floors: any current release).
    const na = `not used: yt-dlp ${version} predates ${YTDLP_JS_RUNTIMES_SINCE}`;
    const later = (await chooseJsRuntime({ ...opts, ytdlpVersion: null, env })).runtime;
    const then = later ? `; after an update the host would pass ${later.name} ${later.version} (${later.source})` : `; after an update one is needed too: ${RUNTIME_FIX(runtimeFloors(null))}`;
    out.push({ name: 'challenge solver', path: null, version: null, ok: true, problem: na });
    out.push({ name: 'js runtime', path: later?.path ?? null, version: null, ok: true, problem: na + then });
    return out;
  }
  const [header, choice] = await Promise.all([verboseHeader(ytdlp), chooseJsRuntime({ ...opts, ytdlpVersion: version, env })]);
  const ejs = header?.libraries.get('yt_dlp_ejs');
  if (ejs !== undefined) out.push({ name: 'challenge solver', path: null, version: `yt-dlp-ejs ${ejs}`.trim(), ok: true });
  else out.push({ name: 'challenge solver', path: null, version: null, ok: false, problem: header ? 'yt-dlp has no yt-dlp-ejs (the YouTube challenge solver scripts): YouTube downloads will fail' : 'could not read `yt-dlp -v`', fix: SOLVER_FIX });
  out.push(runtimeStatus(version, choice));
  return out;
}
