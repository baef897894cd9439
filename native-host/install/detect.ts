/**
 * Which browsers this user has: a browser counts as found when its data dir exists (it has run) or
 * its executable is on PATH (Linux) / its app bundle is in /Applications or ~/Applications (macOS);
 * a Flatpak browser when ~/.var/app/<app-id> exists.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import which from 'which';
import type { Env } from '../config.js';
import { BROWSER_SPECS } from './browsers.js';
import { FLATPAK_APPS } from './flatpak-apps.js';
import { flatpakAppDir } from './targets.js';

export interface Found {
  id: string;
  /** How we know: the data dir, the executable, or the Flatpak app dir. */
  by: 'config' | 'path' | 'app' | 'flatpak';
  /** What was found (a dir or an executable). */
  where: string;
}

export interface DetectEnv {
  env: Env;
  platform: NodeJS.Platform;
  home: string;
  /** macOS: where app bundles are looked for. Default /Applications and ~/Applications. */
  applicationDirs?: string[];
}

export function onPath(name: string, env: Env): string | null {
  const p = env.PATH ?? env.Path;
  if (!p) return null;
  return which.sync(name, { path: p, nothrow: true });
}

export function detectBrowsers(d: DetectEnv): Found[] {
  const found: Found[] = [];
  for (const spec of BROWSER_SPECS) {
    const hit = detectOne(spec, d);
    if (hit) found.push({ id: spec.id, ...hit });
  }
  if (d.platform === 'linux') {
    for (const app of FLATPAK_APPS) {
      const dir = flatpakAppDir(d.home, app.appId);
      if (existsSync(dir)) found.push({ id: app.appId, by: 'flatpak', where: dir });
    }
  }
  return found;
}

function detectOne(spec: (typeof BROWSER_SPECS)[number], d: DetectEnv): Omit<Found, 'id'> | null {
  if (d.platform === 'win32') {
    const base = spec.win32.base === 'local' ? (d.env.LOCALAPPDATA ?? path.join(d.home, 'AppData', 'Local')) : (d.env.APPDATA ?? path.join(d.home, 'AppData', 'Roaming'));
    const dir = path.join(base, ...spec.win32.dataDir.split('\\'));
    return existsSync(dir) ? { by: 'config', where: dir } : null;
  }
  if (d.platform === 'darwin') {
    const dir = path.join(d.home, spec.darwin.dataDir);
    if (existsSync(dir)) return { by: 'config', where: dir };
    for (const apps of d.applicationDirs ?? ['/Applications', path.join(d.home, 'Applications')]) {
      const app = path.join(apps, spec.darwin.app);
      if (existsSync(app)) return { by: 'app', where: app };
    }
    return null;
  }
  const dir = path.join(d.home, spec.linux.dataDir);
  if (existsSync(dir)) return { by: 'config', where: dir };
  for (const exe of spec.linux.exes) {
    const hit = onPath(exe, d.env);
    // Snap Chromium cannot run native hosts at all (doctor says so): do not count it as found.
    if (hit && !isSnapPath(hit)) return { by: 'path', where: hit };
  }
  return null;
}

/** /snap/bin/<name> (or any <root>/snap/bin/): a Snap package's command. */
export const isSnapPath = (p: string): boolean => /(^|\/)snap\/bin\//.test(p);

/** Snap Chromium: its per-user dir (~/snap/chromium) or its command on PATH / in /snap/bin. */
export function detectSnapChromium(d: DetectEnv): string | null {
  if (d.platform !== 'linux') return null;
  const userDir = path.join(d.home, 'snap', 'chromium');
  if (existsSync(userDir)) return userDir;
  for (const exe of ['chromium', 'chromium-browser']) {
    const hit = onPath(exe, d.env);
    if (hit && isSnapPath(hit)) return hit;
  }
  return existsSync('/snap/bin/chromium') ? '/snap/bin/chromium' : null;
}
