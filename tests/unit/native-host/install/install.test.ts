import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ORIGIN, GECKO_EXTENSION_ID } from '../../../../shared/extension-id.js';
import { install, uninstall, launcherScript } from '../../../../native-host/install/index.js';
import { tempHome } from '../fakes.js';

let h: ReturnType<typeof tempHome>;
beforeEach(() => (h = tempHome()));
afterEach(() => h.cleanup());

const LINUX_DIRS = {
  chrome: '.config/google-chrome/NativeMessagingHosts',
  chromium: '.config/chromium/NativeMessagingHosts',
  edge: '.config/microsoft-edge/NativeMessagingHosts',
  brave: '.config/BraveSoftware/Brave-Browser/NativeMessagingHosts',
  firefox: '.mozilla/native-messaging-hosts',
};
const MAC_DIRS = {
  chrome: 'Library/Application Support/Google/Chrome/NativeMessagingHosts',
  chromium: 'Library/Application Support/Chromium/NativeMessagingHosts',
  edge: 'Library/Application Support/Microsoft Edge/NativeMessagingHosts',
  brave: 'Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts',
  firefox: 'Library/Application Support/Mozilla/NativeMessagingHosts',
};
const NAME = 'com.nexstream.host.json';
const opts = (extra = {}) => ({ env: h.env, nodePath: '/usr/bin/node', entry: '/opt/nex stream/bin/nexstream.mjs', ...extra });
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
/** Every file under HOME, so "uninstall removes exactly what install wrote" can compare trees. */
const tree = (dir = h.home): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? [`${path.join(dir, d.name)}/`, ...tree(path.join(dir, d.name))] : [path.join(dir, d.name)]));

describe.each([
  ['linux', LINUX_DIRS],
  ['darwin', MAC_DIRS],
] as const)('install on %s', (platform, dirs) => {
  it('writes a correct manifest for every browser and an executable launcher', async () => {
    const res = await install(opts({ platform, browsers: ['chrome', 'chromium', 'edge', 'brave', 'firefox'] }));
    expect(res.manifests.map((m) => m.browser).sort()).toEqual(['brave', 'chrome', 'chromium', 'edge', 'firefox']);
    for (const [browser, rel] of Object.entries(dirs)) {
      const m = read(path.join(h.home, rel, NAME));
      expect(m).toMatchObject({ name: 'com.nexstream.host', type: 'stdio', path: res.launcher });
      expect(path.isAbsolute(m.path)).toBe(true);
      if (browser === 'firefox') expect(m).toMatchObject({ allowed_extensions: [GECKO_EXTENSION_ID] });
      else expect(m.allowed_origins).toEqual([CHROMIUM_ORIGIN]);
    }
    expect(statSync(res.launcher).mode & 0o111).not.toBe(0);
    expect(readFileSync(res.launcher, 'utf8')).toBe(
      [
        '#!/bin/sh',
        '# Written by `nexstream install`; `nexstream uninstall` removes it.',
        '# In a Flatpak sandbox, run the host on the host system (--watch-bus: it ends when the browser does).',
        'if [ -e /.flatpak-info ] || [ -n "$FLATPAK_ID" ]; then',
        '  exec flatpak-spawn --host --watch-bus "/usr/bin/node" "/opt/nex stream/bin/nexstream.mjs" host "$@"',
        'fi',
        'exec "/usr/bin/node" "/opt/nex stream/bin/nexstream.mjs" host "$@"',
        '',
      ].join('\n'),
    );
  });

  it('is idempotent and uninstall removes exactly what it wrote', async () => {
    mkdirSync(path.join(h.home, '.config'), { recursive: true });
    writeFileSync(path.join(h.home, '.config', 'keep.txt'), 'user file');
    const before = tree();
    const five = ['chrome', 'chromium', 'edge', 'brave', 'firefox'];
    await install(opts({ platform, browsers: five }));
    const once = tree();
    await install(opts({ platform, browsers: five }));
    expect(tree()).toEqual(once);
    const res = await uninstall(opts({ platform }));
    expect(res.removed).toHaveLength(5);
    expect(res.launcherRemoved).toBe(true);
    // Only directories the installer created itself may remain gone; the data dir may stay.
    expect(tree().filter((p) => !p.includes('nexstream'))).toEqual(before.filter((p) => !p.includes('nexstream')));
    expect(tree().filter((p) => !p.endsWith('/'))).toEqual(before.filter((p) => !p.endsWith('/')));
    expect((await uninstall(opts({ platform }))).removed).toEqual([]);
  });
});

describe('install options', () => {
  it('--profile-dir writes only <dir>/NativeMessagingHosts', async () => {
    const profile = path.join(h.home, 'profile');
    const res = await install(opts({ profileDirs: [profile] }));
    expect(res.manifests).toEqual([{ browser: 'profile', path: path.join(profile, 'NativeMessagingHosts', NAME) }]);
    expect(read(res.manifests[0]!.path).allowed_origins).toEqual([CHROMIUM_ORIGIN]);
    expect(existsSync(path.join(h.home, '.config/google-chrome'))).toBe(false);
    await uninstall(opts({ profileDirs: [profile] }));
    expect(existsSync(res.manifests[0]!.path)).toBe(false);
  });

  it('--browser restricts, and selective uninstall keeps the rest working', async () => {
    await install(opts({ browsers: ['chrome', 'firefox'] }));
    expect(existsSync(path.join(h.home, LINUX_DIRS.edge, NAME))).toBe(false);
    const res = await uninstall(opts({ browsers: ['chrome'] }));
    expect(res).toMatchObject({ launcherRemoved: false });
    expect(existsSync(path.join(h.home, LINUX_DIRS.firefox, NAME))).toBe(true);
    expect(existsSync(read(path.join(h.home, LINUX_DIRS.firefox, NAME)).path)).toBe(true);
  });

  it('rejects an unknown browser', async () => {
    await expect(install(opts({ browsers: ['netscape'] }))).rejects.toMatchObject({ code: 'input.invalid' });
  });

  it('never deletes a manifest it did not write', async () => {
    const foreign = path.join(h.home, LINUX_DIRS.chrome, NAME);
    mkdirSync(path.dirname(foreign), { recursive: true });
    writeFileSync(foreign, '{"name":"someone.else"}');
    await uninstall(opts());
    expect(readFileSync(foreign, 'utf8')).toBe('{"name":"someone.else"}');
  });

  it('on Windows writes manifests under LOCALAPPDATA and HKCU keys through reg.exe argument arrays', async () => {
    const calls: string[][] = [];
    const reg = async (args: string[]) => void calls.push(args);
    const local = path.join(h.home, 'AppData', 'Local');
    const env = { ...h.env, USERPROFILE: h.home, LOCALAPPDATA: local, APPDATA: path.join(h.home, 'AppData', 'Roaming') };
    const res = await install({ env, platform: 'win32', reg, browsers: ['chrome', 'chromium', 'edge', 'brave', 'firefox'], nodePath: 'C:\\node\\node.exe', entry: 'C:\\nex\\bin\\nexstream.mjs' });
    expect(res.launcher.endsWith('nexstream-host.bat')).toBe(true);
    expect(readFileSync(res.launcher, 'utf8')).toBe('@echo off\r\n"C:\\node\\node.exe" "C:\\nex\\bin\\nexstream.mjs" host %*\r\n');
    const chrome = res.manifests.find((m) => m.browser === 'chrome')!;
    expect(chrome.registryKey).toBe('HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.nexstream.host');
    expect(calls).toContainEqual(['add', chrome.registryKey, '/ve', '/t', 'REG_SZ', '/d', chrome.path, '/f']);
    expect(calls.map((c) => c[1])).toContain('HKCU\\Software\\Mozilla\\NativeMessagingHosts\\com.nexstream.host');
    calls.length = 0;
    await uninstall({ env, platform: 'win32', reg });
    expect(calls).toContainEqual(['delete', chrome.registryKey, '/f']);
    // Every known key is cleaned (Chrome's channels, Vivaldi and Opera share Chrome's): 7 keys.
    expect(new Set(calls.map((c) => c[1])).size).toBe(7);
  });
});

describe('launcherScript', () => {
  it('quotes shell metacharacters in paths', () => {
    expect(launcherScript('linux', '/n/node', '/a "b" $c `d`/bin/x.mjs')).toContain('\nexec "/n/node" "/a \\"b\\" \\$c \\`d\\`/bin/x.mjs" host "$@"\n');
  });
});
