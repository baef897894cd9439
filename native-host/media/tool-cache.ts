/**
 * What `yt-dlp --version` / `ffmpeg -version` said, remembered on disk per binary. Starting Python
 * just to read a version cost 0.3-1.9 s on every CLI call and host start; a binary that changes
 * (upgrade, other path, symlink retargeted) has another fingerprint and is asked again.
 */
import { mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** Entries older than this are asked again anyway: a pip upgrade may leave the entry-point script untouched. */
export const TOOL_CACHE_MAX_AGE_MS = 7 * 24 * 3600_000;

const Entry = z.object({ fingerprint: z.string(), output: z.string(), at: z.number() });
const CacheFile = z.object({ v: z.literal(1), tools: z.record(Entry) });
type CacheData = z.infer<typeof CacheFile>;

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
      .then((s) => CacheFile.parse(JSON.parse(s)))
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
