/** Small helpers shared by the registry suites: temp dirs removed at the end, one verified entry. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VerifiedEntry } from '../../../../native-host/registry/index.js';

export const ISRC = 'GBDUW0000059';

export function tmpDirs(): { file(name: string): string; dir(): string; dispose(): void } {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'nexstream-regtest-'));
    dirs.push(d);
    return d;
  };
  return { dir, file: (name) => path.join(dir(), name), dispose: () => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })) };
}

/** A coherent verified entry (the catalog's Daft Punk track); `over` changes parts of it. */
export function entry(isrc = ISRC, over: { id?: string; durationSec?: number; keys?: string[] } = {}): VerifiedEntry {
  const id = over.id ?? 'yydNF8tuVmU';
  return {
    track: { title: 'Harder, Better, Faster, Stronger', artists: ['Daft Punk'], album: 'Discovery', isrc, durationSec: 224, artworkUrl: null, previewUrl: null },
    match: { id, url: `https://music.youtube.com/watch?v=${id}`, title: 'Harder, Better, Faster, Stronger', channel: 'Daft Punk', durationSec: over.durationSec ?? 226, score: 0.95 },
    verifiedBy: 'isrc-search',
    level: 'isrc',
    keys: over.keys ?? ['deezer:3135556'],
  };
}
