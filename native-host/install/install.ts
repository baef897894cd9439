/**
 * `nexstream install`: writes the launcher into the data dir and one manifest per target,
 * (on Windows) points the HKCU keys at them, and records all of it for uninstall. A Flatpak target
 * gets its own launcher copy inside the app's dir, the only place its sandbox can see. Idempotent:
 * a second run rewrites the same files and records nothing twice.
 */
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../config/store.js';
import { buildManifest } from './manifest.js';
import { defaultEntry, launcherFileName, launcherScript } from './launcher.js';
import { regAddArgs } from './registry.js';
import { readState, writeState, type InstallRecord } from './state.js';
import { resolveTargets, type InstallOptions } from './options.js';
import type { Found } from './detect.js';

export interface InstallResult {
  launcher: string;
  manifests: Array<{ browser: string; path: string; registryKey?: string; shared?: string[]; launcher?: string }>;
  /** When no browser was named: the browsers found (each registered), with how they were found. */
  detected?: Found[];
}

export async function install(opts: InstallOptions = {}): Promise<InstallResult> {
  const { targets, platform, dataDir, reg, detected } = resolveTargets(opts);
  const launcher = path.join(dataDir, 'bin', launcherFileName(platform));
  const script = launcherScript(platform, opts.nodePath ?? process.execPath, opts.entry ?? defaultEntry());
  writeFileAtomic(launcher, script, 0o755);
  chmodSync(launcher, 0o755);

  const state = readState(dataDir);
  state.launcher = launcher;
  const result: InstallResult = { launcher, manifests: [], ...(detected && { detected }) };
  for (const t of targets) {
    const prev = state.records.find((r) => r.manifestPath === t.manifestPath);
    const dir = path.dirname(t.manifestPath);
    const created = mkdirSync(dir, { recursive: true }) ?? null;
    let launcherCreatedDir: string | null = null;
    if (t.launcherPath) {
      launcherCreatedDir = mkdirSync(path.dirname(t.launcherPath), { recursive: true }) ?? null;
      if (readIfExists(t.launcherPath) !== script) writeFileAtomic(t.launcherPath, script, 0o755);
      chmodSync(t.launcherPath, 0o755);
    }
    const json = `${JSON.stringify(buildManifest(t.flavor, t.launcherPath ?? launcher), null, 2)}\n`;
    if (readIfExists(t.manifestPath) !== json) writeFileAtomic(t.manifestPath, json, 0o644);
    if (t.registryKey) await reg(regAddArgs(t.registryKey, t.manifestPath));
    // Keep the first createdDir: a re-install finds the dir already there but it is still ours.
    const record: InstallRecord = { manifestPath: t.manifestPath, browser: t.browser, createdDir: prev?.createdDir ?? created };
    if (t.registryKey) record.registryKey = t.registryKey;
    if (t.launcherPath) Object.assign(record, { launcher: t.launcherPath, launcherCreatedDir: prev?.launcherCreatedDir ?? launcherCreatedDir });
    state.records = [...state.records.filter((r) => r.manifestPath !== t.manifestPath), record];
    result.manifests.push({
      browser: t.browser,
      path: t.manifestPath,
      ...(t.registryKey && { registryKey: t.registryKey }),
      ...(t.shared && { shared: t.shared }),
      ...(t.launcherPath && { launcher: t.launcherPath }),
    });
  }
  writeState(dataDir, state);
  return result;
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
