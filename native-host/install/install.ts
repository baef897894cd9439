/**
 * `nexstream install`: writes the launcher into the data dir and one manifest per target,
 * (on Windows) points the HKCU keys at them, and records all of it for uninstall. Idempotent:
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

export interface InstallResult {
  launcher: string;
  manifests: Array<{ browser: string; path: string; registryKey?: string }>;
}

export async function install(opts: InstallOptions = {}): Promise<InstallResult> {
  const { targets, platform, dataDir, reg } = resolveTargets(opts);
  const launcher = path.join(dataDir, 'bin', launcherFileName(platform));
  const script = launcherScript(platform, opts.nodePath ?? process.execPath, opts.entry ?? defaultEntry());
  writeFileAtomic(launcher, script, 0o755);
  chmodSync(launcher, 0o755);

  const state = readState(dataDir);
  state.launcher = launcher;
  const result: InstallResult = { launcher, manifests: [] };
  for (const t of targets) {
    const dir = path.dirname(t.manifestPath);
    const created = mkdirSync(dir, { recursive: true }) ?? null;
    const json = `${JSON.stringify(buildManifest(t.flavor, launcher), null, 2)}\n`;
    if (readIfExists(t.manifestPath) !== json) writeFileAtomic(t.manifestPath, json, 0o644);
    if (t.registryKey) await reg(regAddArgs(t.registryKey, t.manifestPath));
    const prev = state.records.find((r) => r.manifestPath === t.manifestPath);
    // Keep the first createdDir: a re-install finds the dir already there but it is still ours.
    const record: InstallRecord = { manifestPath: t.manifestPath, browser: t.browser, createdDir: prev?.createdDir ?? created };
    if (t.registryKey) record.registryKey = t.registryKey;
    state.records = [...state.records.filter((r) => r.manifestPath !== t.manifestPath), record];
    result.manifests.push({ browser: t.browser, path: t.manifestPath, ...(t.registryKey && { registryKey: t.registryKey }) });
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
