/**
 * Where each browser looks for native-messaging host manifests, per OS. Chromium-family browsers
 * read `allowed_origins`, Firefox reads `allowed_extensions`; on Windows the manifest can live
 * anywhere and a registry key under HKCU points to it.
 */
import path from 'node:path';
import { NATIVE_HOST_NAME } from '../../shared/protocol/index.js';

export const BROWSERS = ['chrome', 'chromium', 'edge', 'brave', 'firefox'] as const;
export type BrowserId = (typeof BROWSERS)[number];

export interface Target {
  /** A browser, or 'profile' for a custom Chromium --user-data-dir. */
  browser: BrowserId | 'profile';
  flavor: 'chromium' | 'firefox';
  manifestPath: string;
  /** Windows only: HKCU key whose default value is the manifest path. */
  registryKey?: string;
}

export interface TargetEnv {
  platform: NodeJS.Platform;
  home: string;
  /** %LOCALAPPDATA% on Windows. */
  localAppData?: string;
}

const FILE = `${NATIVE_HOST_NAME}.json`;

const LINUX: Record<BrowserId, string> = {
  chrome: '.config/google-chrome/NativeMessagingHosts',
  chromium: '.config/chromium/NativeMessagingHosts',
  edge: '.config/microsoft-edge/NativeMessagingHosts',
  brave: '.config/BraveSoftware/Brave-Browser/NativeMessagingHosts',
  firefox: '.mozilla/native-messaging-hosts',
};

const MAC: Record<BrowserId, string> = {
  chrome: 'Library/Application Support/Google/Chrome/NativeMessagingHosts',
  chromium: 'Library/Application Support/Chromium/NativeMessagingHosts',
  edge: 'Library/Application Support/Microsoft Edge/NativeMessagingHosts',
  brave: 'Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts',
  firefox: 'Library/Application Support/Mozilla/NativeMessagingHosts',
};

const WIN_KEYS: Record<BrowserId, string> = {
  chrome: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts',
  chromium: 'HKCU\\Software\\Chromium\\NativeMessagingHosts',
  edge: 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts',
  brave: 'HKCU\\Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts',
  firefox: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts',
};

export function browserTarget(browser: BrowserId, env: TargetEnv): Target {
  const flavor = browser === 'firefox' ? 'firefox' : 'chromium';
  if (env.platform === 'win32') {
    const base = env.localAppData ?? path.win32.join(env.home, 'AppData', 'Local');
    return {
      browser,
      flavor,
      manifestPath: path.win32.join(base, 'NexStream', 'NativeMessagingHosts', browser, FILE),
      registryKey: `${WIN_KEYS[browser]}\\${NATIVE_HOST_NAME}`,
    };
  }
  const rel = env.platform === 'darwin' ? MAC[browser] : LINUX[browser];
  return { browser, flavor, manifestPath: path.join(env.home, rel, FILE) };
}

/** A custom Chromium profile (--user-data-dir) reads only `<dir>/NativeMessagingHosts`. */
export function profileTarget(profileDir: string): Target {
  return { browser: 'profile', flavor: 'chromium', manifestPath: path.join(path.resolve(profileDir), 'NativeMessagingHosts', FILE) };
}

export function isBrowserId(s: string): s is BrowserId {
  return (BROWSERS as readonly string[]).includes(s);
}
