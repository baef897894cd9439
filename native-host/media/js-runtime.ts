/**
 * Picks the JavaScript runtime the host hands yt-dlp (`--js-runtimes NAME:PATH`), so YouTube's challenges are solved by a
 * runtime the installed yt-dlp accepts. Order: deno on PATH, node on PATH, the host's own node, deno from npm.
 */
import { realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findExecutable } from './find-executable.js';
import type { ToolCache } from './tool-cache.js';
import { runtimeFloors, versionAtLeast } from './ytdlp-version.js';

export type JsRuntimeName = 'deno' | 'node';

export interface JsRuntime {
  name: JsRuntimeName;
  path: string;
  version: string;
  /** Where it was found, for `nexstream doctor`. */
  source: 'deno on PATH' | 'node on PATH' | "the host's node" | 'deno from npm';
}

export interface RuntimeChoice {
  runtime: JsRuntime | null;
  /** Runtimes found but not usable, with why (too old, does not run). */
  rejected: Array<{ source: JsRuntime['source']; path: string; version: string | null; why: string }>;
}

export interface RuntimeSearch {
  ytdlpVersion: string | null;
  env: NodeJS.ProcessEnv;
  /** The node running the host; its version is known without a spawn. */
  hostNode?: { path: string; version: string } | null;
  /** deno binary from the optional `deno` npm package; undefined: look it up beside the host. */
  npmDeno?: string | null;
  cache?: ToolCache;
  /**
   * Answer from `cache` alone, never running a runtime: the CLI's early probe start makes the same choice the
   * host will, before execa is loaded. A version the cache does not know throws UnknownRuntimeVersion.
   */
  cacheOnly?: boolean;
}

/** cacheOnly met a runtime whose version is not remembered: the choice cannot be made without running it. */
export class UnknownRuntimeVersion extends Error {}

/** `deno --version` -> 'deno 2.5.6 (stable, ...)'; `node --version` -> 'v22.12.0' (the patterns yt-dlp itself uses). */
export function parseRuntimeVersion(name: JsRuntimeName, out: string): string | null {
  const re = name === 'deno' ? /^deno (\S+)/m : /^v(\d\S*)/m;
  return re.exec(out.trim())?.[1] ?? null;
}

async function askVersion(name: JsRuntimeName, file: string, cache?: ToolCache, cacheOnly = false): Promise<string | null> {
  const run = async () => {
    if (cacheOnly) throw new UnknownRuntimeVersion(file);
    // Loaded here, not at the top: the early probe start imports this module before execa may load.
    const { execa } = await import('execa');
    const r = await execa(file, ['--version'], { reject: false, timeout: 10_000, stdin: 'ignore', env: { NO_COLOR: '1' } });
    return r.exitCode === 0 ? parseRuntimeVersion(name, r.stdout) : null;
  };
  return cache ? cache.get(file, `${name} --version`, run) : run();
}

/** The deno binary the `deno` npm package (optional dependency) installed, if any. */
export function findNpmDeno(): string | null {
  const exe = process.platform === 'win32' ? 'deno.exe' : 'deno';
  const require = createRequire(import.meta.url);
  const target = `${process.platform}-${process.arch}${process.platform === 'linux' ? '-glibc' : ''}`;
  for (const pkg of ['deno', `@deno/${target}`]) {
    try {
      return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), exe);
    } catch {
      // not installed (optional dependency skipped on this platform)
    }
  }
  return null;
}

/** The node running the host: known without a spawn (discoverTools() and the CLI's early probe start pass the same). */
export const hostNode = () => ({ path: process.execPath, version: process.versions.node });

const real = (p: string) => realpath(p).catch(() => p);

export async function chooseJsRuntime(s: RuntimeSearch): Promise<RuntimeChoice> {
  const floors = runtimeFloors(s.ytdlpVersion);
  const rejected: RuntimeChoice['rejected'] = [];
  const seen = new Set<string>();
  const candidates: Array<{ name: JsRuntimeName; source: JsRuntime['source']; path: () => Promise<string | null>; version?: string }> = [
    { name: 'deno', source: 'deno on PATH', path: () => findExecutable('deno', s.env, s.env.NEXSTREAM_DENO) },
    { name: 'node', source: 'node on PATH', path: () => findExecutable('node', s.env, s.env.NEXSTREAM_NODE) },
  ];
  if (s.hostNode) candidates.push({ name: 'node', source: "the host's node", path: async () => s.hostNode?.path ?? null, version: s.hostNode.version });
  const npmDeno = s.npmDeno === undefined ? findNpmDeno() : s.npmDeno;
  if (npmDeno) candidates.push({ name: 'deno', source: 'deno from npm', path: () => findExecutable('deno', s.env, npmDeno) });
  for (const c of candidates) {
    const file = await c.path();
    if (!file) continue;
    const key = await real(file);
    if (seen.has(key)) continue;
    seen.add(key);
    const version = c.version ?? (await askVersion(c.name, file, s.cache, s.cacheOnly));
    const floor = floors[c.name];
    if (!version) rejected.push({ source: c.source, path: file, version: null, why: 'does not run' });
    else if (!versionAtLeast(version, floor)) rejected.push({ source: c.source, path: file, version, why: `${c.name} ${version} is older than ${floor}` });
    else return { runtime: { name: c.name, path: file, version, source: c.source }, rejected };
  }
  return { runtime: null, rejected };
}

export { jsRuntimeArgs } from './ytdlp-argv.js';
