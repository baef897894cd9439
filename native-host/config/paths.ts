/** Where NexStream keeps its files, per OS convention. Everything honours HOME so tests can use a temp one. */
import os from 'node:os';
import path from 'node:path';

export type Env = Record<string, string | undefined>;

export interface PlatformInfo {
  platform: NodeJS.Platform;
  home: string;
}

export function platformInfo(env: Env, platform: NodeJS.Platform = process.platform): PlatformInfo {
  const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) || env.HOME || os.homedir();
  return { platform, home };
}

/** ~/.config/nexstream, ~/Library/Application Support/NexStream, %APPDATA%\NexStream. */
export function defaultConfigDir(env: Env, p: PlatformInfo): string {
  if (p.platform === 'darwin') return path.join(p.home, 'Library', 'Application Support', 'NexStream');
  if (p.platform === 'win32') return path.join(env.APPDATA || path.join(p.home, 'AppData', 'Roaming'), 'NexStream');
  return path.join(env.XDG_CONFIG_HOME || path.join(p.home, '.config'), 'nexstream');
}

/** ~/.local/share/nexstream on Linux; the config dir's sibling conventions elsewhere. */
export function defaultDataDir(env: Env, p: PlatformInfo): string {
  if (p.platform === 'darwin') return path.join(p.home, 'Library', 'Application Support', 'NexStream', 'data');
  if (p.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(p.home, 'AppData', 'Local'), 'NexStream');
  return path.join(env.XDG_DATA_HOME || path.join(p.home, '.local', 'share'), 'nexstream');
}

export function defaultDownloadDir(p: PlatformInfo): string {
  return path.join(p.home, 'Downloads', 'NexStream');
}

/** `~/x` in a config value or env var means the home dir, as users expect from a shell. */
export function expandHome(value: string, p: PlatformInfo): string {
  if (value === '~') return p.home;
  if (value.startsWith('~/') || value.startsWith('~\\')) return path.join(p.home, value.slice(2));
  return value;
}

/** NEXSTREAM_CONFIG_DIR (with ~) or the OS default. */
export function configDirOf(env: Env, p: PlatformInfo): string {
  return env.NEXSTREAM_CONFIG_DIR ? expandHome(env.NEXSTREAM_CONFIG_DIR, p) : defaultConfigDir(env, p);
}

/** NEXSTREAM_DATA_DIR (with ~) or the OS default. */
export function dataDirOf(env: Env, p: PlatformInfo): string {
  return env.NEXSTREAM_DATA_DIR ? expandHome(env.NEXSTREAM_DATA_DIR, p) : defaultDataDir(env, p);
}

/**
 * Explicit tool paths come from the environment only (the config file has none); unset or empty is
 * null, "look on PATH". Here, without zod, so the CLI's early probe start shares it with loadConfig.
 */
export function toolPathsOf(env: Env): { ytdlp: string | null; ffmpeg: string | null; ffprobe: string | null } {
  const str = (name: string) => (env[name] === undefined || env[name] === '' ? null : (env[name] ?? null));
  return { ytdlp: str('NEXSTREAM_YTDLP'), ffmpeg: str('NEXSTREAM_FFMPEG'), ffprobe: str('NEXSTREAM_FFPROBE') };
}
