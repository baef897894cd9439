/** What install/uninstall act on, resolved from CLI options and the environment. */
import path from 'node:path';
import { loadConfig, platformInfo, type Env } from '../config.js';
import { BROWSERS, browserTarget, isBrowserId, profileTarget, type Target } from './targets.js';
import { runReg, type RegRunner } from './registry.js';
import { NexError } from '../../shared/errors.js';

export interface InstallOptions {
  /** Browsers to register; default all five, or none when only profileDirs are given. */
  browsers?: string[];
  /** Custom Chromium --user-data-dir(s): the manifest goes in <dir>/NativeMessagingHosts. */
  profileDirs?: string[];
  env?: Env;
  platform?: NodeJS.Platform;
  /** Absolute path of node for the launcher; default the running node. */
  nodePath?: string;
  /** Absolute path of bin/nexstream.mjs; default found from this module. */
  entry?: string;
  reg?: RegRunner;
}

export interface Resolved {
  targets: Target[];
  platform: NodeJS.Platform;
  dataDir: string;
  reg: RegRunner;
}

export function resolveTargets(opts: InstallOptions): Resolved {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const p = platformInfo(env, platform);
  const profiles = opts.profileDirs ?? [];
  const names = opts.browsers?.length ? opts.browsers : profiles.length ? [] : [...BROWSERS];
  const expanded = names.flatMap((b) => (b === 'all' ? [...BROWSERS] : [b]));
  const bad = expanded.filter((b) => !isBrowserId(b));
  if (bad.length) throw new NexError('input.invalid', `unknown browser "${bad.join('", "')}"; choose from ${BROWSERS.join(', ')}, all`);
  const targets = [...new Set(expanded)].filter(isBrowserId).map((b) => browserTarget(b, { platform, home: p.home, localAppData: env.LOCALAPPDATA }));
  // '' would resolve to the working folder: a browser profile is always named explicitly.
  const blank = profiles.find((d) => d.trim() === '');
  if (blank !== undefined) throw new NexError('input.invalid', '--profile-dir must name a folder (an empty value would mean the current folder)');
  for (const dir of profiles) targets.push(profileTarget(path.resolve(dir)));
  return { targets, platform, dataDir: loadConfig(env, { platform }).paths.dataDir, reg: opts.reg ?? runReg };
}
