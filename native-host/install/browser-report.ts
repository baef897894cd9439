/**
 * The browsers part of `nexstream doctor`: every browser found, where its manifest is, and what
 * is wrong with it (not registered, a foreign or broken manifest, a Flatpak without the override
 * `flatpak-spawn --host` needs, Snap Chromium) with the exact command that fixes it.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { HostManifest, buildManifest } from './manifest.js';
import { detectBrowsers, detectSnapChromium, type Found } from './detect.js';
import { overrideCommand } from './flatpak-apps.js';
import { overrideStatus } from './flatpak-override.js';
import { browserTarget, type Target } from './targets.js';
import { platformInfo, type Env } from '../config.js';

export interface BrowserStatus {
  id: string;
  kind: 'native' | 'flatpak' | 'snap';
  found: Found['by'] | 'snap';
  where: string;
  manifestPath: string | null;
  manifest: 'ok' | 'missing' | 'foreign' | 'broken' | 'unsupported';
  ok: boolean;
  problems: string[];
  fixes: string[];
}

export interface ReportEnv {
  env: Env;
  platform?: NodeJS.Platform;
  applicationDirs?: string[];
  /** Where system-wide Flatpak data lives. Default /var/lib/flatpak. */
  flatpakSystemDir?: string;
}

export function browserReport(o: ReportEnv): BrowserStatus[] {
  const platform = o.platform ?? process.platform;
  const { home } = platformInfo(o.env, platform);
  const found = detectBrowsers({ env: o.env, platform, home, ...(o.applicationDirs && { applicationDirs: o.applicationDirs }) });
  const out = found.map((f) => check(f, browserTarget(f.id, { platform, home, ...(o.env.LOCALAPPDATA && { localAppData: o.env.LOCALAPPDATA }) }), o, home));
  const snap = detectSnapChromium({ env: o.env, platform, home });
  if (snap) {
    out.push({
      id: 'chromium-snap',
      kind: 'snap',
      found: 'snap',
      where: snap,
      manifestPath: null,
      manifest: 'unsupported',
      ok: false,
      problems: ['Snap Chromium cannot run native messaging hosts: its confinement does not let it start programs outside the snap, so NexStream cannot work in it.'],
      fixes: ['Use Chromium or Google Chrome from a .deb or your distribution, the Flatpak org.chromium.Chromium (then `nexstream install` and the override doctor prints), or Firefox.'],
    });
  }
  return out;
}

function check(f: Found, t: Target, o: ReportEnv, home: string): BrowserStatus {
  const s: BrowserStatus = { id: f.id, kind: t.flatpakAppId ? 'flatpak' : 'native', found: f.by, where: f.where, manifestPath: t.manifestPath, manifest: 'ok', ok: true, problems: [], fixes: [] };
  const problem = (p: string, fix: string) => (s.problems.push(p), s.fixes.push(fix), (s.ok = false));
  const reinstall = `nexstream install --browser ${f.id}`;
  const manifest = readManifest(t.manifestPath);
  if (manifest === 'missing') {
    s.manifest = 'missing';
    problem('the native host is not registered for this browser', reinstall);
  } else if (manifest === 'foreign') {
    s.manifest = 'foreign';
    problem(`${t.manifestPath} is not a NexStream host manifest`, `move it away, then ${reinstall}`);
  } else {
    const want = buildManifest(t.flavor, manifest.path);
    const allowed = t.flavor === 'firefox' ? manifest.allowed_extensions : manifest.allowed_origins;
    const wantAllowed = t.flavor === 'firefox' ? want.allowed_extensions : want.allowed_origins;
    if (JSON.stringify(allowed) !== JSON.stringify(wantAllowed)) {
      s.manifest = 'broken';
      problem('the manifest does not allow the NexStream extension', reinstall);
    } else if (!executable(manifest.path)) {
      s.manifest = 'broken';
      problem(`the launcher ${manifest.path} is missing or not executable`, reinstall);
    }
  }
  if (t.flatpakAppId) {
    const ov = overrideStatus(t.flatpakAppId, home, o.env, o.flatpakSystemDir);
    if (!ov.allowed) problem(`the Flatpak sandbox may not run the host outside (flatpak-spawn --host needs org.freedesktop.Flatpak; not granted in ${ov.source ?? ov.userOverride})`, overrideCommand(t.flatpakAppId));
  }
  return s;
}

function readManifest(file: string): HostManifest | 'missing' | 'foreign' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 'missing';
  }
  try {
    const parsed = HostManifest.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'foreign';
  } catch {
    return 'foreign';
  }
}

function executable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
