/** What every bench module gets: the mode, one private host bundle, helpers to run the product and the baselines. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { buildHost, startHost, type HostProc } from '../../tests/integration/native-host/host-process.js';
import type { Figure } from './stats.js';

export interface BenchContext {
  quick: boolean;
  /** The host/CLI bundle, built privately (other builds of dist/ never race with the bench). */
  entry: string;
  log(msg: string): void;
  /** A fresh dir under the bench's scratch root, removed at the end. */
  scratch(prefix: string): string;
  startHost(env?: Record<string, string>): HostProc;
}

export type BenchModule = (ctx: BenchContext) => Promise<Figure[]>;

export async function createContext(quick: boolean): Promise<{ ctx: BenchContext; dispose(): void }> {
  const built = await buildHost();
  const root = mkdtempSync(path.join(os.tmpdir(), 'nexstream-bench-'));
  const hosts: HostProc[] = [];
  let n = 0;
  const ctx: BenchContext = {
    quick,
    entry: built.entry,
    log: (m) => process.stderr.write(`[bench] ${m}\n`),
    scratch: (prefix) => {
      return mkdtempSync(path.join(root, `${prefix}-${n++}-`));
    },
    startHost: (env = {}) => {
      const h = startHost(built.entry, env);
      hosts.push(h);
      return h;
    },
  };
  return {
    ctx,
    dispose: () => {
      for (const h of hosts) h.cleanup();
      built.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs a tool to completion, throwing with its stderr tail on failure; returns wall ms. */
export async function run(file: string, args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<number> {
  const t0 = performance.now();
  const r = await execa(file, args, { reject: false, stdin: 'ignore', ...(opts.env ? { env: opts.env, extendEnv: false } : {}), ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  const ms = performance.now() - t0;
  if (r.exitCode !== 0) throw new Error(`${path.basename(file)} ${args.slice(0, 4).join(' ')} exited ${r.exitCode}: ${String(r.stderr).slice(-800)} ${String(r.stdout).slice(-300)}`);
  return ms;
}

/**
 * Flushes every dirty page to disk, outside the timed part. A 1 GB output deleted just now can still
 * be in writeback, and whoever runs next would pay for it: every timed run starts from the same state.
 */
export async function settleDisk(): Promise<void> {
  await execa('sync', [], { reject: false, stdin: 'ignore' });
}

/** The minimal environment a CLI run gets: its own HOME so config/logs/caches start as the run intends. */
export function cliEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'), XDG_CACHE_HOME: path.join(home, '.cache'), ...extra };
}

let ids = 0;
export const nextId = (p: string) => `${p}-${++ids}`;
