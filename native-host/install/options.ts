/** What install/uninstall act on, resolved from CLI options and the environment. */
import path from 'node:path';
import { loadConfig, platformInfo, type Env } from '../config.js';
import { isBrowserId, knownIds, profileTarget, targetsFor, type Target } from './targets.js';
import { detectBrowsers, type Found } from './detect.js';
import { runReg, type RegRunner } from './registry.js';
import { NexError } from '../../shared/errors.js';

export interface InstallOptions {
  /**
   * Browsers to register (ids, Flatpak app ids, or 'all' for every known path). Default: every
   * browser found on this machine, or none when only profileDirs are given.
   */
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
  /** macOS: where app bundles are looked for (detection). Default /Applications, ~/Applications. */
  applicationDirs?: string[];
}

export interface Resolved {
  targets: Target[];
  platform: NodeJS.Platform;
  dataDir: string;
  reg: RegRunner;
  home: string;
  /** Set when no browser was named: what detection found (and so what is registered). */
  detected: Found[] | null;
}

export function resolveTargets(opts: InstallOptions): Resolved {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const p = platformInfo(env, platform);
  const profiles = opts.profileDirs ?? [];
  const known = knownIds(platform);
  let detected: Found[] | null = null;
  let names: string[];
  if (opts.browsers?.length) names = opts.browsers;
  else if (profiles.length) names = [];
  else {
    detected = detectBrowsers({ env, platform, home: p.home, ...(opts.applicationDirs && { applicationDirs: opts.applicationDirs }) });
    names = detected.map((f) => f.id);
  }
  const expanded = names.flatMap((b) => (b === 'all' ? known : [b]));
  const bad = expanded.filter((b) => !isBrowserId(b) || !known.includes(b));
  if (bad.length) throw new NexError('input.invalid', `unknown browser "${bad.join('", "')}" on ${platform}; choose from ${known.join(', ')}, all`);
  const targets = targetsFor([...new Set(expanded)], { platform, home: p.home, ...(env.LOCALAPPDATA && { localAppData: env.LOCALAPPDATA }) });
  // '' would resolve to the working folder: a browser profile is always named explicitly.
  const blank = profiles.find((d) => d.trim() === '');
  if (blank !== undefined) throw new NexError('input.invalid', '--profile-dir must name a folder (an empty value would mean the current folder)');
  for (const dir of profiles) targets.push(profileTarget(path.resolve(dir)));
  return { targets, platform, dataDir: loadConfig(env, { platform }).paths.dataDir, reg: opts.reg ?? runReg, home: p.home, detected };
}
