/** Where a batch writes: its folder, each item's file stem, and the .m3u8 at the end. Pure but for the write. */
import path from 'node:path';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { BatchItem, BatchItemState, PlaylistInfo } from '../../shared/protocol/index.js';
import { safeFileName } from '../media/filename.js';

/** `<base>/<seg1>[/<seg2>]`, each segment a safe file name, so no segment can climb out of the base. */
export function batchFolder(base: string, segments: string[]): string {
  return path.join(path.resolve(base), ...segments.map((s) => safeFileName(s)));
}

/** "01 - Title" when prefixed (width from the largest index, so names sort), else the caller's stem or the title. */
export function fileStem(item: BatchItem, opts: { indexPrefix: boolean; width: number }): string | undefined {
  const base = item.fileStem ?? item.title;
  if (!opts.indexPrefix) return base;
  const n = String(item.index).padStart(Math.max(2, opts.width), '0');
  return `${n} - ${base ?? `Item ${item.index}`}`;
}

/** The key the archive knows an item by: the extractor + id when known, else its URL. */
export function archiveKeyOf(item: BatchItem): string {
  return item.archiveKey ?? `url ${item.url}`.slice(0, 200);
}

/** Extended M3U of the finished (and skipped) items, in list order, with paths relative to the folder. */
export function m3u8Text(folder: string, items: BatchItemState[]): string {
  const lines = ['#EXTM3U'];
  for (const it of [...items].sort((a, b) => a.index - b.index)) {
    if (!it.path || (it.status !== 'done' && it.status !== 'skipped')) continue;
    const rel = path.relative(folder, it.path);
    // A skipped item saved elsewhere earlier keeps its absolute path.
    const ref = rel.startsWith('..') ? it.path : rel.split(path.sep).join('/');
    lines.push(`#EXTINF:-1,${(it.title ?? path.basename(it.path)).replace(/[\r\n]+/g, ' ')}`, ref);
  }
  return `${lines.join('\n')}\n`;
}

export async function writeM3u8(folder: string, name: string, items: BatchItemState[]): Promise<string> {
  const file = path.join(folder, `${safeFileName(name)}.m3u8`);
  // Temp + rename so a reader never sees half a list (write-file-atomic needs __filename, absent in the ESM bundle).
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, m3u8Text(folder, items), { mode: 0o644 });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return file;
}

/** A listing's entries (those at `indices`, when given) as batch items. */
export function entriesToItems(listing: PlaylistInfo, indices?: number[]): BatchItem[] {
  const want = indices ? new Set(indices) : null;
  return listing.entries
    .filter((e) => !want || want.has(e.index))
    .map((e) => ({ url: e.url, index: e.index, title: e.title, ...(e.archiveKey && { archiveKey: e.archiveKey }) }));
}

/**
 * Gives later items whose names would be the same file (same title, or titles that sanitise alike)
 * " (2)", " (3)"... up front, so the first in list order keeps the plain name whatever finishes first.
 */
export function distinctStems(stems: (string | undefined)[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  return stems.map((stem) => {
    if (stem === undefined) return undefined;
    const key = safeFileName(stem).toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? stem : `${stem} (${n})`;
  });
}
