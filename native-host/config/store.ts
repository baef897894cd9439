/**
 * Writes config patches: validated, merged into the file, written atomically with mode 0600 because the
 * file may hold API keys. The effective config is reloaded so env still wins. A file that does not parse
 * is never overwritten: it is copied aside and writes refuse (config.broken) until it is fixed or reset.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';
import { ConfigPatch } from '../../shared/protocol/index.js';
import { NexError } from '../../shared/errors.js';
import { preserveBroken } from './broken-copy.js';
import { loadConfig } from './load.js';
import { platformInfo } from './paths.js';
import { validatePatch } from './validate-patch.js';
import type { HostConfig } from './schema.js';
import type { Env } from './paths.js';

/**
 * write-file-atomic rather than our own temp + rename: it fsyncs before the rename (a crash cannot leave an
 * empty config), keeps the owner of an existing file, and removes its temp file if the process dies mid-write.
 */
export function writeFileAtomic(file: string, data: string, mode = 0o600): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // An explicit mode is applied with chmod, so the umask cannot widen or narrow it.
  writeFileAtomicLib.sync(file, data, { mode, fsync: true });
}

/** The file's JSON object as it is (empty when missing or not an object); only called once it parses. */
function readRawObject(file: string): Record<string, unknown> {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Holds the effective config for a host process; `update` persists a patch and reloads. */
export class ConfigStore {
  private current: HostConfig;
  private readonly listeners = new Set<(c: HostConfig) => void>();

  constructor(private readonly env: Env = process.env) {
    this.current = this.load();
  }

  /** Loads, and copies a broken file aside before anything could write over it. */
  private load(): HostConfig {
    const c = loadConfig(this.env);
    if (c.fileHealth.ok) return c;
    const copy = preserveBroken(c.paths.configFile);
    return copy ? { ...c, fileHealth: { ...c.fileHealth, brokenCopy: copy } } : c;
  }

  private refuseIfBroken(): void {
    // Re-read first: the user may have fixed the file since the host started.
    this.current = this.load();
    const h = this.current.fileHealth;
    if (h.ok) return;
    const where = h.line ? ` (line ${h.line})` : '';
    throw new NexError('config.broken', `${this.current.paths.configFile} has a syntax error${where}: ${h.problem ?? 'unreadable'}. Fix the file, or reset it (a copy is kept at ${h.brokenCopy ?? 'the same folder'}).`, {
      file: this.current.paths.configFile,
      ...(h.line ? { line: h.line } : {}),
      ...(h.brokenCopy ? { brokenCopy: h.brokenCopy } : {}),
    });
  }

  /** Replaces the file with defaults (the broken one stays copied aside); the user's explicit choice. */
  reset(): HostConfig {
    const file = this.current.paths.configFile;
    preserveBroken(file);
    writeFileAtomic(file, '{}\n');
    this.current = this.load();
    for (const l of this.listeners) l(this.current);
    return this.current;
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
    validatePatch(parsed.data, platformInfo(this.env));
    this.refuseIfBroken();
    const file = this.current.paths.configFile;
    // Merge onto the file as written: keys this host does not know (a newer host's) or cannot use survive.
    const merged: Record<string, unknown> = { ...readRawObject(file) };
    for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) merged[k] = v;
    writeFileAtomic(file, `${JSON.stringify(merged, null, 2)}\n`);
    this.current = this.load();
    for (const l of this.listeners) l(this.current);
    return this.current;
  }
}
