/**
 * One config loader that takes `env` as a parameter (cobalt's core/env.js): defaults, then the
 * config file, then environment variables. A bad file or value is reported in `problems` and
 * ignored key by key, so a typo never stops the host from starting.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigHealth } from '../../shared/protocol/index.js';
import { ConfigFile, type HostConfig } from './schema.js';
import { configDirOf, dataDirOf, defaultDownloadDir, expandHome, platformInfo, toolPathsOf, type Env } from './paths.js';

export const CONFIG_FILE_NAME = 'config.json';

export interface LoadOptions {
  platform?: NodeJS.Platform;
}

export function loadConfig(env: Env = process.env, opts: LoadOptions = {}): HostConfig {
  const p = platformInfo(env, opts.platform);
  const problems: string[] = [];
  const configDir = configDirOf(env, p);
  const dataDir = dataDirOf(env, p);
  const configFile = path.join(configDir, CONFIG_FILE_NAME);
  let fileHealth: ConfigHealth = { ok: true };
  const file = readConfigFile(configFile, problems, (h) => (fileHealth = h));

  const str = (name: string): string | null => {
    const v = env[name];
    return v === undefined || v === '' ? null : v;
  };
  const int = (name: string, min: number, max: number): number | null => {
    const v = str(name);
    if (v === null) return null;
    const n = Number(v);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    problems.push(`${name}=${JSON.stringify(v)} ignored: expected an integer ${min}..${max}`);
    return null;
  };

  return {
    downloadDir: expandHome(str('NEXSTREAM_DOWNLOAD_DIR') ?? file.downloadDir ?? defaultDownloadDir(p), p),
    concurrency: int('NEXSTREAM_CONCURRENCY', 1, 8) ?? file.concurrency ?? 2,
    defaultVideoPreset: file.defaultVideoPreset ?? 'best',
    defaultAudioPreset: file.defaultAudioPreset ?? 'mp3-320',
    probeCacheSec: int('NEXSTREAM_PROBE_CACHE_SEC', 0, 86400) ?? file.probeCacheSec ?? 120,
    stallTimeoutSec: int('NEXSTREAM_STALL_SEC', 1, 3600) ?? file.stallTimeoutSec ?? 30,
    probeTimeoutSec: int('NEXSTREAM_PROBE_TIMEOUT_SEC', 1, 3600) ?? 90,
    paths: {
      configDir,
      configFile,
      dataDir,
      logFile: str('NEXSTREAM_LOG_FILE') ?? path.join(dataDir, 'logs', 'host.log'),
      registryPath: path.join(dataDir, 'registry.db'),
    },
    tools: toolPathsOf(env),
    apis: {
      deezer: str('NEXSTREAM_DEEZER_API') ?? 'https://api.deezer.com',
      itunes: str('NEXSTREAM_ITUNES_API') ?? 'https://itunes.apple.com',
      odesli: str('NEXSTREAM_ODESLI_API') ?? 'https://api.song.link',
      ytmusic: str('NEXSTREAM_YTMUSIC_URL') ?? 'https://music.youtube.com',
      groqBaseUrl: str('GROQ_BASE_URL'),
      geminiBaseUrl: str('NEXSTREAM_GEMINI_BASE_URL'),
      lrclib: str('NEXSTREAM_LRCLIB_URL') ?? 'https://lrclib.net',
    },
    lyrics: str('NEXSTREAM_LYRICS') !== null ? str('NEXSTREAM_LYRICS') !== '0' : (file.lyrics ?? true),
    tursoUrl: str('TURSO_URL') ?? file.tursoUrl ?? null,
    tursoReplica: str('NEXSTREAM_TURSO_REPLICA') !== null ? str('NEXSTREAM_TURSO_REPLICA') === '1' : (file.tursoReplica ?? false),
    tursoSyncSec: int('NEXSTREAM_TURSO_SYNC_SEC', 0, 86400) ?? 60,
    secrets: {
      groqApiKey: str('GROQ_API_KEY') ?? file.groqApiKey ?? null,
      geminiApiKey: str('GEMINI_API_KEY') ?? file.geminiApiKey ?? null,
      tursoAuthToken: str('TURSO_AUTH_TOKEN') ?? file.tursoAuthToken ?? null,
      odesliApiKey: str('NEXSTREAM_ODESLI_KEY') ?? file.odesliApiKey ?? null,
    },
    problems,
    fileHealth,
  };
}

/** 1-based line of a JSON.parse error: V8 names the line itself, or only the character position. */
export function parseErrorLine(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return text.slice(0, Number(pos[1])).split('\n').length;
  // "Unexpected end of JSON input": the error is at the end.
  return /end of JSON/i.test(message) ? text.split('\n').length : undefined;
}

/**
 * Reads the file, keeping every key that is valid on its own. Missing file = empty config.
 * A file that does not parse is reported through `onBroken` (with the error's line) and never touched here.
 */
export function readConfigFile(file: string, problems: string[] = [], onBroken?: (h: ConfigHealth) => void): ConfigFile {
  let raw: unknown;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
    raw = JSON.parse(text);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    const message = (e as Error).message;
    const line = e instanceof SyntaxError ? parseErrorLine(text, message) : undefined;
    problems.push(`${file}: unreadable, does not parse${line ? ` (line ${line})` : ''}: ${message}; running on defaults, the file is kept as it is and changes are refused until it is fixed or reset`);
    onBroken?.({ ok: false, problem: message, ...(line ? { line } : {}) });
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${file}: not a JSON object; using defaults`);
    return {};
  }
  const whole = ConfigFile.safeParse(raw);
  if (whole.success) return whole.data;
  const kept: Record<string, unknown> = {};
  const shape = ConfigFile.shape;
  for (const [key, value] of Object.entries(raw)) {
    const field = shape[key as keyof typeof shape];
    if (field && field.safeParse(value).success) kept[key] = value;
    else problems.push(`${file}: key "${key}" ignored (invalid)`);
  }
  return ConfigFile.parse(kept);
}
