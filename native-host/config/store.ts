/**
 * Writes config patches: validated, merged into the file, written atomically (temp + rename) with
 * mode 0600 because the file may hold API keys. The effective config is reloaded so env still wins.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigPatch } from '../../shared/protocol/index.js';
import { NexError } from '../../shared/errors.js';
import { loadConfig, readConfigFile } from './load.js';
import type { HostConfig } from './schema.js';
import type { Env } from './paths.js';

export function writeFileAtomic(file: string, data: string, mode = 0o600): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data, { mode, flag: 'wx' });
    // writeFileSync's mode is filtered by the umask; make it exact.
    chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Holds the effective config for a host process; `update` persists a patch and reloads. */
export class ConfigStore {
  private current: HostConfig;
  private readonly listeners = new Set<(c: HostConfig) => void>();

  constructor(private readonly env: Env = process.env) {
    this.current = loadConfig(env);
  }

  get(): HostConfig {
    return this.current;
  }

  onChange(fn: (c: HostConfig) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  update(patch: unknown): HostConfig {
    const parsed = ConfigPatch.safeParse(patch);
    // Never echo the rejected values: a patch may carry an API key.
    if (!parsed.success) throw new NexError('config.invalid', `invalid config patch: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
    const file = this.current.paths.configFile;
    const merged: Record<string, unknown> = { ...readConfigFile(file) };
    for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) merged[k] = v;
    writeFileAtomic(file, `${JSON.stringify(merged, null, 2)}\n`);
    this.current = loadConfig(this.env);
    for (const l of this.listeners) l(this.current);
    return this.current;
  }
}
