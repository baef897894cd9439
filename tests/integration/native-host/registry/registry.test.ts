/** The registry on a real libSQL file: migrations, two clients at once, corrupt file, SQL-looking text. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRegistry, registrySpecs, type VerifiedEntry } from '../../../../native-host/registry/index.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'nexstream-reg-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const entry = (isrc: string, title: string): VerifiedEntry => ({
  track: { title, artists: ["O'Brien", 'Robert"); DROP TABLE tracks;--'], album: null, isrc, durationSec: 200, artworkUrl: null, previewUrl: 'https://p/1.mp3' },
  match: { id: 'yydNF8tuVmU', url: 'https://music.youtube.com/watch?v=yydNF8tuVmU', title, channel: 'x', durationSec: 200, score: 1 },
  verifiedBy: 'isrc-search',
  level: 'isrc',
  keys: ['spotify:5W3cjX2J3tjhG8zb6u0qHn'],
});

describe('registry', () => {
  it('selects local file, Turso, or an embedded replica from configuration', () => {
    expect(registrySpecs({ localPath: '/d/registry.db' })).toMatchObject({ mode: 'local', cache: { url: 'file:/d/registry.db', timeout: 5000 } });
    expect(registrySpecs({ localPath: '/d/registry.db', tursoUrl: 'libsql://db.turso.io', authToken: 't' })).toMatchObject({
      mode: 'remote',
      cache: { url: 'libsql://db.turso.io', authToken: 't' },
      local: { url: 'file:/d/registry-local.db' },
    });
    expect(registrySpecs({ localPath: '/d/registry.db', tursoUrl: 'libsql://db.turso.io', authToken: 't', replica: true }).cache).toMatchObject({
      url: 'file:/d/registry-replica.db',
      syncUrl: 'libsql://db.turso.io',
    });
  });

  it('migrates, stores SQL-looking text as data, and finds by ISRC and by key', async () => {
    const reg = await openRegistry({ localPath: path.join(tmp(), 'r.db') });
    expect(reg.available).toBe(true);
    const title = "'; DELETE FROM tracks; --";
    expect(await reg.putVerified(entry('GBDUW0000059', title))).toBe(true);
    expect((await reg.getByIsrc('GBDUW0000059'))?.track.title).toBe(title);
    expect((await reg.getByKey('spotify:5W3cjX2J3tjhG8zb6u0qHn'))?.track.artists[1]).toBe('Robert"); DROP TABLE tracks;--');
    await reg.close();
  });

  it('two clients on one file write at the same time without "database is locked"', async () => {
    const file = path.join(tmp(), 'r.db');
    const [a, b] = await Promise.all([openRegistry({ localPath: file }), openRegistry({ localPath: file })]);
    const writes = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).putVerified(entry(`GBDUW00000${String(i).padStart(2, '0')}`, `t${i}`)));
    expect(await Promise.all(writes)).toEqual(Array(20).fill(true));
    expect((await a.getByIsrc('GBDUW0000019'))?.track.title).toBe('t19');
    await a.close();
    await b.close();
  });

  it('a corrupt file gives a clear error and an uncached registry', async () => {
    const file = path.join(tmp(), 'r.db');
    writeFileSync(file, 'this is not a database'.repeat(300));
    const lines: Record<string, unknown>[] = [];
    const reg = await openRegistry({ localPath: file }, (l) => lines.push(l));
    expect(reg.available).toBe(false);
    expect(await reg.getByIsrc('GBDUW0000059')).toBeNull();
    expect(lines.some((l) => l.event === 'registry.unavailable')).toBe(true);
  });

  it('an unreachable Turso fails clearly; overrides stay local', async () => {
    const lines: Record<string, unknown>[] = [];
    const reg = await openRegistry({ localPath: path.join(tmp(), 'r.db'), tursoUrl: 'http://127.0.0.1:9', authToken: 'x' }, (l) => lines.push(l));
    expect(reg.mode).toBe('remote');
    expect(reg.available).toBe(false);
    expect(lines.find((l) => l.event === 'registry.unavailable')).toBeTruthy();
    expect(await reg.putOverride({ key: 'spotify:x', isrc: null, videoId: 'yydNF8tuVmU', videoUrl: 'https://youtu.be/yydNF8tuVmU' }, [])).toBe(true);
    expect((await reg.getOverride(['spotify:x']))?.videoId).toBe('yydNF8tuVmU');
    await reg.close();
  });
});
