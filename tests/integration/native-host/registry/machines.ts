/**
 * "Machines" for the shared-registry suites: the real CLI bundle (`nexstream resolve|doctor`), each
 * with its own HOME, XDG config and data dirs and config file, pointed at the stand-in providers,
 * the stand-in yt-dlp search and one sqld on loopback. Nothing is shared between two machines but
 * the server.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAKE_YTDLP, SEARCH_CANDIDATES } from '../../../fixtures/providers/endpoints.js';
import type { StandIns } from '../../../fixtures/providers/servers.js';

export interface Shared {
  url: string;
  token?: string;
  replica?: boolean;
  syncSec?: number;
  /** Put the server settings in the machine's config file instead of its environment. */
  viaConfigFile?: boolean;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  json: Record<string, unknown> | null;
}

export interface Machine {
  home: string;
  dataDir: string;
  resolve(input: string, timeoutMs?: number): Promise<Run>;
  doctor(): Promise<Run>;
  /** The machine's host log file (what a user would send in a bug report). */
  log(): string;
  dispose(): void;
}

export function machine(entry: string, s: StandIns, shared: Shared): Machine {
  const home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-machine-'));
  const configDir = path.join(home, '.config', 'nexstream');
  const dataDir = path.join(home, '.local', 'share', 'nexstream');
  const server: Record<string, unknown> = { tursoUrl: shared.url, tursoReplica: shared.replica ?? false, ...(shared.token ? { tursoAuthToken: shared.token } : {}) };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    NEXSTREAM_CONFIG_DIR: configDir,
    NEXSTREAM_DATA_DIR: dataDir,
    NEXSTREAM_DEEZER_API: s.deezer.url,
    NEXSTREAM_ITUNES_API: s.itunes.url,
    NEXSTREAM_ODESLI_API: s.odesli.url,
    NEXSTREAM_YTDLP: FAKE_YTDLP,
    NEXSTREAM_FAKE_SEARCH_CANDIDATES: SEARCH_CANDIDATES,
    ...(shared.syncSec !== undefined ? { NEXSTREAM_TURSO_SYNC_SEC: String(shared.syncSec) } : {}),
  };
  mkdirSync(configDir, { recursive: true });
  if (shared.viaConfigFile) writeFileSync(path.join(configDir, 'config.json'), JSON.stringify(server));
  else {
    env.TURSO_URL = shared.url;
    if (shared.replica) env.NEXSTREAM_TURSO_REPLICA = '1';
    if (shared.token) env.TURSO_AUTH_TOKEN = shared.token;
  }
  const cli = (args: string[], timeoutMs: number): Promise<Run> =>
    new Promise((resolve, reject) => {
      const t0 = Date.now();
      const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`${args[0]} timed out after ${timeoutMs} ms: ${stderr}`))), timeoutMs);
      child.on('close', (code) => {
        clearTimeout(timer);
        let json: Record<string, unknown> | null = null;
        try {
          json = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
        } catch {
          // not JSON: the caller looks at stdout/stderr
        }
        resolve({ code, stdout, stderr, ms: Date.now() - t0, json });
      });
    });
  return {
    home,
    dataDir,
    resolve: (input, timeoutMs = 45_000) => cli(['resolve', '--json', input], timeoutMs),
    doctor: () => cli(['doctor', '--json'], 30_000),
    log: () => {
      const f = path.join(dataDir, 'logs', 'host.log');
      return existsSync(f) ? readFileSync(f, 'utf8') : '';
    },
    dispose: () => rmSync(home, { recursive: true, force: true }),
  };
}

export const SPOTIFY = 'https://open.spotify.com/track/5W3cjX2J3tjhG8zb6u0qHn';
export const ISRC = 'GBDUW0000059';
