/**
 * Where one registration goes: a manifest path (plus, on Windows, the HKCU key pointing at it, and
 * for Flatpak browsers a launcher copy inside the sandbox's own dir). Built from the tables in
 * browsers.ts and flatpak-apps.ts.
 */
import path from 'node:path';
import { NATIVE_HOST_NAME } from '../../shared/protocol/index.js';
import { BROWSER_IDS, browserSpec, type Flavor } from './browsers.js';
import { FLATPAK_APPS, flatpakApp } from './flatpak-apps.js';

/** The ids `--browser` accepts besides `all`: browser ids and Flatpak app ids. */
export const BROWSERS = [...BROWSER_IDS, ...FLATPAK_APPS.map((a) => a.appId)] as const;
export type BrowserId = string;

export interface Target {
  /** A browser id, a Flatpak app id, or 'profile' for a custom Chromium --user-data-dir. */
  browser: string;
  /** Browsers that read this same manifest (Windows: Vivaldi and Opera use Chrome's key). */
  shared?: string[];
  flavor: Flavor;
  manifestPath: string;
  /** Windows only: HKCU key whose default value is the manifest path. */
  registryKey?: string;
  /** Flatpak only: a launcher inside the sandbox-visible app dir, and the app id. */
  launcherPath?: string;
  flatpakAppId?: string;
}

export interface TargetEnv {
  platform: NodeJS.Platform;
  home: string;
  /** %LOCALAPPDATA% on Windows. */
  localAppData?: string;
}

const FILE = `${NATIVE_HOST_NAME}.json`;

export const flatpakAppDir = (home: string, appId: string): string => path.join(home, '.var', 'app', appId);

export function browserTarget(id: string, env: TargetEnv): Target {
  const app = flatpakApp(id);
  if (app) {
    const dir = flatpakAppDir(env.home, app.appId);
    return { browser: app.appId, flavor: app.flavor, manifestPath: path.join(dir, app.manifestDir, FILE), launcherPath: path.join(dir, 'data', 'nexstream', 'nexstream-host.sh'), flatpakAppId: app.appId };
  }
  const spec = browserSpec(id);
  if (!spec) throw new Error(`unknown browser ${id}`);
  if (env.platform === 'win32') {
    // path.join: on Windows it is path.win32; elsewhere (tests with fake Windows layouts) it keeps the fake HOME usable.
    const base = env.localAppData ?? path.join(env.home, 'AppData', 'Local');
    return {
      browser: id,
      flavor: spec.flavor,
      manifestPath: path.join(base, 'NexStream', 'NativeMessagingHosts', spec.win32.folder, FILE),
      registryKey: `HKCU\\Software\\${spec.win32.key}\\NativeMessagingHosts\\${NATIVE_HOST_NAME}`,
    };
  }
  const rel = env.platform === 'darwin' ? spec.darwin.manifestDir : spec.linux.manifestDir;
  return { browser: id, flavor: spec.flavor, manifestPath: path.join(env.home, rel, FILE) };
}

/** Targets for these ids, one per manifest path (shared registrations merged). */
export function targetsFor(ids: string[], env: TargetEnv): Target[] {
  const byPath = new Map<string, Target>();
  for (const id of ids) {
    const t = browserTarget(id, env);
    const prev = byPath.get(t.manifestPath);
    if (prev) prev.shared = [...(prev.shared ?? []), id];
    else byPath.set(t.manifestPath, t);
  }
  return [...byPath.values()];
}

/** A custom Chromium profile (--user-data-dir) reads only `<dir>/NativeMessagingHosts`. */
export function profileTarget(profileDir: string): Target {
  return { browser: 'profile', flavor: 'chromium', manifestPath: path.join(path.resolve(profileDir), 'NativeMessagingHosts', FILE) };
}

export function isBrowserId(s: string): boolean {
  return (BROWSERS as readonly string[]).includes(s);
}

/** Ids that make sense on this platform (Flatpak exists only on Linux). */
export function knownIds(platform: NodeJS.Platform): string[] {
  return platform === 'linux' ? [...BROWSERS] : [...BROWSER_IDS];
}
