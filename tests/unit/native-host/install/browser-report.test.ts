/** `nexstream doctor`'s browser checks against fake HOME layouts: found browsers, manifests, Flatpak overrides, Snap. */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install } from '../../../../native-host/install/index.js';
import { browserReport } from '../../../../native-host/install/browser-report.js';
import { sessionBusPolicy } from '../../../../native-host/install/flatpak-override.js';
import { FLATPAK_APPS } from '../../../../native-host/install/flatpak-apps.js';
import { tempHome } from '../fakes.js';

let h: ReturnType<typeof tempHome>;
let system: string;
beforeEach(() => {
  h = tempHome();
  system = path.join(h.home, 'system-flatpak'); // stands for /var/lib/flatpak
});
afterEach(() => h.cleanup());

const env = () => ({ ...h.env, PATH: '' });
const report = (extra = {}) => browserReport({ env: env(), platform: 'linux', flatpakSystemDir: system, ...extra });
const installOpts = (browsers?: string[]) => ({ env: env(), platform: 'linux' as const, nodePath: process.execPath, entry: '/opt/nexstream/bin/nexstream.mjs', ...(browsers && { browsers }) });
const writeFile = (rel: string, text: string) => {
  const file = path.join(h.home, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};

describe('doctor: Flatpak browsers', () => {
  it('detects every Flatpak app id and prints the exact override command until the override is in place', async () => {
    for (const a of FLATPAK_APPS) mkdirSync(path.join(h.home, '.var/app', a.appId), { recursive: true });
    await install(installOpts());
    const before = report();
    expect(before.map((b) => b.id)).toEqual(FLATPAK_APPS.map((a) => a.appId));
    for (const b of before) {
      expect(b).toMatchObject({ kind: 'flatpak', found: 'flatpak', manifest: 'ok', ok: false });
      expect(b.fixes).toEqual([`flatpak override --user --talk-name=org.freedesktop.Flatpak ${b.id}`]);
    }
    // What `flatpak override --user --talk-name=org.freedesktop.Flatpak org.chromium.Chromium` writes.
    writeFile('.local/share/flatpak/overrides/org.chromium.Chromium', '[Context]\nshared=network;\n\n[Session Bus Policy]\norg.freedesktop.Flatpak=talk\n');
    // A system-wide override counts too; a later --no-talk-name in the user file wins over it.
    mkdirSync(path.join(system, 'overrides'), { recursive: true });
    writeFileSync(path.join(system, 'overrides', 'com.brave.Browser'), '[Session Bus Policy]\norg.freedesktop.Flatpak=talk\n');
    writeFileSync(path.join(system, 'overrides', 'org.mozilla.firefox'), '[Session Bus Policy]\norg.freedesktop.Flatpak=talk\n');
    writeFile('.local/share/flatpak/overrides/org.mozilla.firefox', '[Session Bus Policy]\norg.freedesktop.Flatpak=none\n');
    const after = Object.fromEntries(report().map((b) => [b.id, b]));
    expect(after['org.chromium.Chromium']).toMatchObject({ ok: true, problems: [], fixes: [] });
    expect(after['com.brave.Browser']).toMatchObject({ ok: true });
    expect(after['org.mozilla.firefox']).toMatchObject({ ok: false, fixes: ['flatpak override --user --talk-name=org.freedesktop.Flatpak org.mozilla.firefox'] });
  });

  it('an app whose own metadata grants the bus name needs no override', () => {
    mkdirSync(path.join(h.home, '.var/app/com.google.Chrome'), { recursive: true });
    writeFile('.local/share/flatpak/app/com.google.Chrome/current/active/metadata', '[Application]\nname=com.google.Chrome\n\n[Session Bus Policy]\norg.freedesktop.Flatpak=talk\n');
    const [chrome] = report();
    expect(chrome).toMatchObject({ id: 'com.google.Chrome', manifest: 'missing', fixes: ['nexstream install --browser com.google.Chrome'] });
  });

  it('reads the [Session Bus Policy] group only', () => {
    expect(sessionBusPolicy('[System Bus Policy]\norg.freedesktop.Flatpak=talk\n', 'org.freedesktop.Flatpak')).toBeNull();
    expect(sessionBusPolicy('[Session Bus Policy]\norg.freedesktop.Flatpak = own\n', 'org.freedesktop.Flatpak')).toBe('own');
  });
});

describe('doctor: native browsers', () => {
  it('says where each manifest is and what is wrong with it', async () => {
    for (const d of ['.config/google-chrome', '.config/vivaldi', '.librewolf', '.waterfox']) mkdirSync(path.join(h.home, d), { recursive: true });
    const res = await install(installOpts(['chrome', 'vivaldi', 'waterfox']));
    writeFile('.waterfox/native-messaging-hosts/com.nexstream.host.json', '{"name":"com.other.host"}');
    // The launcher gone: the manifest still points at it.
    rmSync(res.launcher);
    const byId = Object.fromEntries(report().map((b) => [b.id, b]));
    expect(Object.keys(byId)).toEqual(['chrome', 'vivaldi', 'librewolf', 'waterfox']);
    expect(byId.chrome).toMatchObject({ kind: 'native', found: 'config', manifest: 'broken', manifestPath: path.join(h.home, '.config/google-chrome/NativeMessagingHosts/com.nexstream.host.json') });
    expect(byId.chrome!.problems[0]).toMatch(/launcher .* is missing/);
    expect(byId.librewolf).toMatchObject({ manifest: 'missing', fixes: ['nexstream install --browser librewolf'] });
    expect(byId.waterfox).toMatchObject({ manifest: 'foreign', ok: false });
    await install(installOpts(['chrome', 'vivaldi', 'librewolf']));
    expect(report().filter((b) => b.ok).map((b) => b.id)).toEqual(['chrome', 'vivaldi', 'librewolf']);
  });

  it('finds a browser by its executable on PATH', () => {
    const bin = path.join(h.home, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'microsoft-edge'), '#!/bin/sh\n');
    chmodSync(path.join(bin, 'microsoft-edge'), 0o755);
    expect(report({ env: { ...h.env, PATH: bin } })).toMatchObject([{ id: 'edge', found: 'path', where: path.join(bin, 'microsoft-edge'), manifest: 'missing' }]);
  });

  it('macOS and Windows layouts', () => {
    mkdirSync(path.join(h.home, 'Library/Application Support/Google/Chrome Dev'), { recursive: true });
    expect(browserReport({ env: env(), platform: 'darwin', applicationDirs: [] })).toMatchObject([
      { id: 'chrome-dev', manifestPath: path.join(h.home, 'Library/Application Support/Google/Chrome Dev/NativeMessagingHosts/com.nexstream.host.json'), manifest: 'missing' },
    ]);
    const local = path.join(h.home, 'AppData', 'Local');
    mkdirSync(path.join(local, 'Google', 'Chrome SxS', 'User Data'), { recursive: true });
    expect(browserReport({ env: { ...env(), USERPROFILE: h.home, LOCALAPPDATA: local }, platform: 'win32' })).toMatchObject([
      { id: 'chrome-canary', manifestPath: path.join(local, 'NexStream', 'NativeMessagingHosts', 'chrome', 'com.nexstream.host.json') },
    ]);
  });
});

describe('doctor: Snap Chromium', () => {
  it('says plainly that it cannot run native hosts and what to use instead', () => {
    mkdirSync(path.join(h.home, 'snap/chromium/common'), { recursive: true });
    const [snap] = report();
    expect(snap).toMatchObject({ id: 'chromium-snap', kind: 'snap', ok: false, manifestPath: null, manifest: 'unsupported' });
    expect(snap!.problems[0]).toMatch(/^Snap Chromium cannot run native messaging hosts/);
    expect(snap!.fixes[0]).toMatch(/Flatpak org\.chromium\.Chromium.*Firefox/);
  });

  it('a chromium command from /snap/bin is Snap Chromium, not a native Chromium', () => {
    const snapBin = path.join(h.home, 'root/snap/bin');
    mkdirSync(snapBin, { recursive: true });
    writeFileSync(path.join(snapBin, 'chromium'), '#!/bin/sh\n');
    chmodSync(path.join(snapBin, 'chromium'), 0o755);
    expect(report({ env: { ...h.env, PATH: snapBin } }).map((b) => b.id)).toEqual(['chromium-snap']);
  });
});
