/**
 * Every browser and Flatpak app at its real manifest location on Linux, macOS and Windows, found
 * by detection in fake HOME layouts; `--browser all` writes every known path; uninstall cleans up.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ORIGIN, GECKO_EXTENSION_ID } from '../../../../shared/extension-id.js';
import { install, uninstall } from '../../../../native-host/install/index.js';
import { tempHome } from '../fakes.js';

let h: ReturnType<typeof tempHome>;
beforeEach(() => (h = tempHome()));
afterEach(() => h.cleanup());

const NAME = 'com.nexstream.host.json';
const FIREFOX_FAMILY = new Set(['firefox', 'librewolf', 'waterfox', 'org.mozilla.firefox', 'io.gitlab.librewolf-community', 'net.waterfox.waterfox']);
const opts = (extra = {}) => ({ env: { ...h.env, PATH: '' }, nodePath: '/usr/bin/node', entry: '/opt/nexstream/bin/nexstream.mjs', ...extra });
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const tree = (dir = h.home): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? [`${path.join(dir, d.name)}/`, ...tree(path.join(dir, d.name))] : [path.join(dir, d.name)]));

/** Where each browser reads host manifests (per-user), written out independently of the source table. */
const LINUX: Record<string, string> = {
  chrome: '.config/google-chrome/NativeMessagingHosts',
  'chrome-beta': '.config/google-chrome-beta/NativeMessagingHosts',
  'chrome-dev': '.config/google-chrome-unstable/NativeMessagingHosts',
  'chrome-canary': '.config/google-chrome-canary/NativeMessagingHosts',
  chromium: '.config/chromium/NativeMessagingHosts',
  edge: '.config/microsoft-edge/NativeMessagingHosts',
  brave: '.config/BraveSoftware/Brave-Browser/NativeMessagingHosts',
  vivaldi: '.config/vivaldi/NativeMessagingHosts',
  opera: '.config/opera/NativeMessagingHosts',
  firefox: '.mozilla/native-messaging-hosts',
  librewolf: '.librewolf/native-messaging-hosts',
  waterfox: '.waterfox/native-messaging-hosts',
};
const FLATPAK: Record<string, string> = {
  'org.chromium.Chromium': 'config/chromium/NativeMessagingHosts',
  'com.google.Chrome': 'config/google-chrome/NativeMessagingHosts',
  'com.google.ChromeDev': 'config/google-chrome-unstable/NativeMessagingHosts',
  'com.brave.Browser': 'config/BraveSoftware/Brave-Browser/NativeMessagingHosts',
  'com.microsoft.Edge': 'config/microsoft-edge/NativeMessagingHosts',
  'com.microsoft.EdgeDev': 'config/microsoft-edge-dev/NativeMessagingHosts',
  'io.github.ungoogled_software.ungoogled_chromium': 'config/chromium/NativeMessagingHosts',
  'com.vivaldi.Vivaldi': 'config/vivaldi/NativeMessagingHosts',
  'com.opera.Opera': 'config/opera/NativeMessagingHosts',
  'org.mozilla.firefox': '.mozilla/native-messaging-hosts',
  'io.gitlab.librewolf-community': '.librewolf/native-messaging-hosts',
  'net.waterfox.waterfox': '.waterfox/native-messaging-hosts',
};
const AS = 'Library/Application Support';
const MAC: Record<string, string> = {
  chrome: `${AS}/Google/Chrome/NativeMessagingHosts`,
  'chrome-beta': `${AS}/Google/Chrome Beta/NativeMessagingHosts`,
  'chrome-dev': `${AS}/Google/Chrome Dev/NativeMessagingHosts`,
  'chrome-canary': `${AS}/Google/Chrome Canary/NativeMessagingHosts`,
  chromium: `${AS}/Chromium/NativeMessagingHosts`,
  edge: `${AS}/Microsoft Edge/NativeMessagingHosts`,
  brave: `${AS}/BraveSoftware/Brave-Browser/NativeMessagingHosts`,
  vivaldi: `${AS}/Vivaldi/NativeMessagingHosts`,
  opera: `${AS}/com.operasoftware.Opera/NativeMessagingHosts`,
  firefox: `${AS}/Mozilla/NativeMessagingHosts`,
  librewolf: `${AS}/LibreWolf/NativeMessagingHosts`,
  waterfox: `${AS}/Waterfox/NativeMessagingHosts`,
};
const WIN_KEYS: Record<string, string> = {
  chrome: 'Google\\Chrome',
  'chrome-beta': 'Google\\Chrome',
  'chrome-dev': 'Google\\Chrome',
  'chrome-canary': 'Google\\Chrome',
  chromium: 'Chromium',
  edge: 'Microsoft\\Edge',
  brave: 'BraveSoftware\\Brave-Browser',
  vivaldi: 'Google\\Chrome',
  opera: 'Google\\Chrome',
  firefox: 'Mozilla',
  librewolf: 'LibreWolf',
  waterfox: 'Waterfox',
};

function expectManifest(file: string, browser: string, launcher: string) {
  const m = read(file);
  expect(m, file).toMatchObject({ name: 'com.nexstream.host', type: 'stdio', path: launcher });
  if (FIREFOX_FAMILY.has(browser)) expect(m.allowed_extensions).toEqual([GECKO_EXTENSION_ID]);
  else expect(m.allowed_origins).toEqual([CHROMIUM_ORIGIN]);
}

describe('--browser all on Linux', () => {
  it('writes every browser and every Flatpak app at its real path; Flatpak manifests point at a launcher inside the sandbox', async () => {
    const res = await install(opts({ platform: 'linux', browsers: ['all'] }));
    expect(res.manifests.map((m) => m.browser).sort()).toEqual([...Object.keys(LINUX), ...Object.keys(FLATPAK)].sort());
    for (const [b, rel] of Object.entries(LINUX)) expectManifest(path.join(h.home, rel, NAME), b, res.launcher);
    for (const [app, rel] of Object.entries(FLATPAK)) {
      const appDir = path.join(h.home, '.var/app', app);
      const launcher = path.join(appDir, 'data/nexstream/nexstream-host.sh');
      expectManifest(path.join(appDir, rel, NAME), app, launcher);
      expect(statSync(launcher).mode & 0o111).not.toBe(0);
      expect(readFileSync(launcher, 'utf8')).toBe(readFileSync(res.launcher, 'utf8'));
    }
    const again = tree();
    await install(opts({ platform: 'linux', browsers: ['all'] }));
    expect(tree()).toEqual(again);
    const u = await uninstall(opts({ platform: 'linux' }));
    expect(u.removed).toHaveLength(Object.keys(LINUX).length + Object.keys(FLATPAK).length);
    // Nothing of ours is left under HOME (the launcher dir inside each app dir went too).
    expect(tree().filter((p) => !p.endsWith('/'))).toEqual([]);
    expect(existsSync(path.join(h.home, '.var'))).toBe(false);
  });

  it('uninstall of one Flatpak app removes its manifest and launcher copy and keeps the others', async () => {
    await install(opts({ platform: 'linux', browsers: ['org.chromium.Chromium', 'org.mozilla.firefox'] }));
    const appDir = path.join(h.home, '.var/app/org.chromium.Chromium');
    await uninstall(opts({ platform: 'linux', browsers: ['org.chromium.Chromium'] }));
    expect(existsSync(appDir)).toBe(false);
    expect(existsSync(path.join(h.home, '.var/app/org.mozilla.firefox', FLATPAK['org.mozilla.firefox']!, NAME))).toBe(true);
  });

  it('rejects Flatpak ids on macOS and Windows', async () => {
    await expect(install(opts({ platform: 'darwin', browsers: ['org.chromium.Chromium'] }))).rejects.toMatchObject({ code: 'input.invalid' });
  });
});

describe('no --browser: every browser found, and says which', () => {
  it('Linux: config dirs, executables on PATH and Flatpak app dirs', async () => {
    for (const d of ['.config/vivaldi', '.librewolf', '.var/app/org.chromium.Chromium', '.var/app/net.waterfox.waterfox']) mkdirSync(path.join(h.home, d), { recursive: true });
    const bin = path.join(h.home, 'bin');
    mkdirSync(bin);
    for (const exe of ['opera', 'google-chrome-beta']) {
      writeFileSync(path.join(bin, exe), '#!/bin/sh\n');
      chmodSync(path.join(bin, exe), 0o755);
    }
    writeFileSync(path.join(bin, 'brave-browser'), 'not executable');
    const res = await install(opts({ platform: 'linux', env: { ...h.env, PATH: bin } }));
    expect(res.detected?.map((f) => [f.id, f.by])).toEqual([
      ['chrome-beta', 'path'],
      ['vivaldi', 'config'],
      ['opera', 'path'],
      ['librewolf', 'config'],
      ['org.chromium.Chromium', 'flatpak'],
      ['net.waterfox.waterfox', 'flatpak'],
    ]);
    expect(res.manifests.map((m) => m.path)).toEqual([
      path.join(h.home, LINUX['chrome-beta']!, NAME),
      path.join(h.home, LINUX.vivaldi!, NAME),
      path.join(h.home, LINUX.opera!, NAME),
      path.join(h.home, LINUX.librewolf!, NAME),
      path.join(h.home, '.var/app/org.chromium.Chromium', FLATPAK['org.chromium.Chromium']!, NAME),
      path.join(h.home, '.var/app/net.waterfox.waterfox', FLATPAK['net.waterfox.waterfox']!, NAME),
    ]);
    expect(existsSync(path.join(h.home, '.config/google-chrome'))).toBe(false);
  });

  it('Linux: nothing found registers nothing', async () => {
    const res = await install(opts({ platform: 'linux' }));
    expect(res).toMatchObject({ detected: [], manifests: [] });
  });

  it('macOS: Application Support dirs and app bundles', async () => {
    mkdirSync(path.join(h.home, AS, 'Google/Chrome Canary'), { recursive: true });
    mkdirSync(path.join(h.home, AS, 'librewolf'), { recursive: true });
    const apps = path.join(h.home, 'Applications');
    mkdirSync(path.join(apps, 'Opera.app'), { recursive: true });
    const res = await install(opts({ platform: 'darwin', applicationDirs: [apps] }));
    expect(res.detected?.map((f) => f.id)).toEqual(['chrome-canary', 'opera', 'librewolf']);
    for (const id of ['chrome-canary', 'opera', 'librewolf']) expectManifest(path.join(h.home, MAC[id]!, NAME), id, res.launcher);
  });

  it('macOS: --browser all writes every known path', async () => {
    const res = await install(opts({ platform: 'darwin', browsers: ['all'] }));
    expect(res.manifests).toHaveLength(Object.keys(MAC).length);
    for (const [b, rel] of Object.entries(MAC)) expectManifest(path.join(h.home, rel, NAME), b, res.launcher);
  });

  it('Windows: User Data dirs under LOCALAPPDATA / APPDATA; Vivaldi and Opera share Chrome\'s key', async () => {
    const calls: string[][] = [];
    const reg = async (args: string[]) => void calls.push(args);
    const local = path.join(h.home, 'AppData', 'Local');
    const roaming = path.join(h.home, 'AppData', 'Roaming');
    mkdirSync(path.join(local, 'Vivaldi', 'User Data'), { recursive: true });
    mkdirSync(path.join(roaming, 'Opera Software', 'Opera Stable'), { recursive: true });
    mkdirSync(path.join(roaming, 'Waterfox'), { recursive: true });
    const env = { ...h.env, USERPROFILE: h.home, LOCALAPPDATA: local, APPDATA: roaming, PATH: '' };
    const res = await install({ env, platform: 'win32', reg, nodePath: 'C:\\node\\node.exe', entry: 'C:\\nex\\bin\\nexstream.mjs' });
    expect(res.detected?.map((f) => f.id)).toEqual(['vivaldi', 'opera', 'waterfox']);
    expect(res.manifests.map((m) => [m.browser, m.shared ?? [], m.registryKey])).toEqual([
      ['vivaldi', ['opera'], 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.nexstream.host'],
      ['waterfox', [], 'HKCU\\Software\\Waterfox\\NativeMessagingHosts\\com.nexstream.host'],
    ]);
    expect(calls.map((c) => c[1])).toEqual(res.manifests.map((m) => m.registryKey));
  });

  it('Windows: --browser all points every registry key at its manifest', async () => {
    const calls: string[][] = [];
    const reg = async (args: string[]) => void calls.push(args);
    const env = { ...h.env, USERPROFILE: h.home, LOCALAPPDATA: path.join(h.home, 'AppData', 'Local'), PATH: '' };
    const res = await install({ env, platform: 'win32', reg, browsers: ['all'], nodePath: 'C:\\node\\node.exe', entry: 'C:\\nex\\bin\\nexstream.mjs' });
    const keys = new Set(Object.values(WIN_KEYS).map((k) => `HKCU\\Software\\${k}\\NativeMessagingHosts\\com.nexstream.host`));
    expect(new Set(res.manifests.map((m) => m.registryKey))).toEqual(keys);
    for (const m of res.manifests) {
      expect(calls).toContainEqual(['add', m.registryKey, '/ve', '/t', 'REG_SZ', '/d', m.path, '/f']);
      expectManifest(m.path, m.browser, res.launcher);
    }
  });
});
