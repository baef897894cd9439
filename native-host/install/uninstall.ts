/**
 * `nexstream uninstall`: removes what install recorded (all of it, or only the given browsers /
 * profile dirs), plus any of our manifests at the standard places. Files that are not our
 * manifest are never touched. Idempotent.
 */
import { readFileSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { isOurManifest } from './manifest.js';
import { LAUNCHER_MARK } from './launcher.js';
import { regDeleteArgs } from './registry.js';
import { readState, stateFile, writeState, type InstallRecord } from './state.js';
import { resolveTargets, type InstallOptions } from './options.js';

export interface UninstallResult {
  removed: string[];
  launcherRemoved: boolean;
}

export async function uninstall(opts: InstallOptions = {}): Promise<UninstallResult> {
  const selective = Boolean(opts.browsers?.length || opts.profileDirs?.length);
  // Not selective: besides what was recorded, clean every known place (only our manifests go).
  const { targets, dataDir, reg } = resolveTargets(selective ? opts : { ...opts, browsers: ['all'] });
  const state = readState(dataDir);
  const chosen = new Set(targets.map((t) => t.manifestPath));
  const records: InstallRecord[] = state.records.filter((r) => !selective || chosen.has(r.manifestPath));
  // Standard places not in the record (e.g. state lost) are still cleaned, but only if ours.
  for (const t of targets) {
    if (!records.some((r) => r.manifestPath === t.manifestPath)) {
      records.push({ manifestPath: t.manifestPath, browser: t.browser, createdDir: null, ...(t.registryKey && { registryKey: t.registryKey }), ...(t.launcherPath && { launcher: t.launcherPath }) });
    }
  }
  const removed: string[] = [];
  // Newest first: an earlier record's createdDir may hold later ones (e.g. ~/.var above each app dir).
  for (const r of [...records].reverse()) {
    if (r.launcher && removeIfOurLauncher(r.launcher) && r.launcherCreatedDir) removeEmptyUpTo(path.dirname(r.launcher), r.launcherCreatedDir);
    if (removeIfOurs(r.manifestPath)) removed.unshift(r.manifestPath);
    if (r.registryKey) await reg(regDeleteArgs(r.registryKey)).catch(() => undefined);
    if (r.createdDir) removeEmptyUpTo(path.dirname(r.manifestPath), r.createdDir);
  }
  const remaining = state.records.filter((r) => !records.some((x) => x.manifestPath === r.manifestPath));
  let launcherRemoved = false;
  if (remaining.length === 0) {
    if (state.launcher) {
      rmSync(state.launcher, { force: true });
      removeEmptyUpTo(path.dirname(state.launcher), path.dirname(state.launcher));
      launcherRemoved = true;
    }
    rmSync(stateFile(dataDir), { force: true });
  } else writeState(dataDir, { launcher: state.launcher, records: remaining });
  return { removed, launcherRemoved };
}

function removeIfOurs(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  if (!isOurManifest(text)) return false;
  rmSync(file, { force: true });
  return true;
}

function removeIfOurLauncher(file: string): boolean {
  try {
    if (readFileSync(file, 'utf8').split('\n')[1] !== LAUNCHER_MARK) return false;
  } catch {
    return false;
  }
  rmSync(file, { force: true });
  return true;
}

/** Removes `dir` and its parents up to and including `top`, stopping at the first non-empty one. */
function removeEmptyUpTo(dir: string, top: string): void {
  const stop = path.resolve(top);
  let d = path.resolve(dir);
  while (d.startsWith(stop)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === stop) return;
    d = path.dirname(d);
  }
}
