/**
 * What `yt-dlp --version` / `ffmpeg -version` said, remembered on disk per binary. Starting Python
 * just to read a version cost 0.3-1.9 s on every CLI call and host start; a binary that changes
 * (upgrade, other path, symlink retargeted) has another fingerprint and is asked again.
 */
import { mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Entries older than this are asked again anyway: a pip upgrade may leave the entry-point script untouched. */
export const TOOL_CACHE_MAX_AGE_MS = 7 * 24 * 3600_000;

interface Entry {
  fingerprint: string;
  output: string;
  at: number;
}
interface CacheData {
  v: 1;
  tools: Record<string, Entry>;
}

/**
 * Hand-checked rather than zod: the CLI's early probe start reads this file before zod is loaded.
 * Entries of the wrong shape are dropped one by one; a file of the wrong shape is an empty cache.
 */
function parseCacheFile(text: string): CacheData {
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) throw new Error('not a tool cache');
  const tools = (raw as { tools?: unknown }).tools;
  const out: Record<string, Entry> = {};
  if (typeof tools === 'object' && tools !== null) {
    for (const [id, e] of Object.entries(tools)) {
      const x = e as Partial<Entry> | null;
      if (x && typeof x.fingerprint === 'string' && typeof x.output === 'string' && typeof x.at === 'number') out[id] = { fingerprint: x.fingerprint, output: x.output, at: x.at };
    }
  }
  return { v: 1, tools: out };
}

/** Resolved path + size + mtime: any of them changing means another binary. Null when it cannot be read. */
export async function fingerprint(file: string): Promise<string | null> {
  try {
    const real = await realpath(file);
    const st = await stat(real);
    return `${real}|${st.size}|${Math.trunc(st.mtimeMs)}`;
  } catch {
    return null;
  }
}

/** Where the host keeps it: `<dataDir>/tools.json` (media-service.ts and the CLI's early probe start). */
export const toolCacheFile = (dataDir: string) => path.join(dataDir, 'tools.json');

export class ToolCache {
  private data: Promise<CacheData> | null = null;
  private dirty = false;

  /** @param file JSON file in the data dir, e.g. `<dataDir>/tools.json`. */
  constructor(
    readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  private load(): Promise<CacheData> {
    this.data ??= readFile(this.file, 'utf8')
      .then(parseCacheFile)
      // Missing or corrupt: start empty, it is only a cache.
      .catch(() => ({ v: 1 as const, tools: {} }));
    return this.data;
  }

  /**
   * The remembered output of `args` run on `file`, or `run()`'s answer (remembered when not null).
   * @param key which question, e.g. 'yt-dlp --version'
   */
  async get(file: string, key: string, run: () => Promise<string | null>): Promise<string | null> {
    const [fp, data] = await Promise.all([fingerprint(file), this.load()]);
    const id = `${key}@${file}`;
    const hit = data.tools[id];
    if (fp && hit && hit.fingerprint === fp && this.now() - hit.at < TOOL_CACHE_MAX_AGE_MS) return hit.output;
    const output = await run();
    if (fp && output !== null) {
      data.tools[id] = { fingerprint: fp, output, at: this.now() };
      this.dirty = true;
    }
    return output;
  }

  /** Writes what changed (temp file + rename, so two processes never leave half a file). Never throws. */
  async save(): Promise<void> {
    if (!this.dirty || !this.data) return;
    this.dirty = false;
    const data = await this.data;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(tmp, JSON.stringify(data));
      await rename(tmp, this.file);
    } catch {
      // A read-only data dir only costs the version check next time.
    }
  }
}
