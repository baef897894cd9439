import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BASE_BYTES, PART_SUFFIX, insideDir, safeFileName, truncateUtf8, uniquePath } from '../../../../native-host/media/filename.js';
import { cleanupStaleParts, commitPart } from '../../../../native-host/media/part-files.js';
import { parsePartName } from '../../../../native-host/media/part-names.js';

describe('safeFileName', () => {
  it.each([
    ['AC/DC: Back in Black?', 'AC_DC_ Back in Black_'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\Windows\\System32', 'Windows_System32'],
    ['a\u0000b\u001fc\u007fd', 'a_b_c_d'],
    ['line\nbreak\ttab', 'line_break_tab'],
    ['  spaced   out  ', 'spaced out'],
    ['trailing dots...', 'trailing dots'],
    ['.hidden', 'hidden'],
    ['-rf', 'rf'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1', '_com1'],
    ['LPT9 ', '_LPT9'],
    ['Console', 'Console'],
    ['', 'download'],
    ['../..', 'download'],
    ['Beyoncé – Déjà Vu 🎵 日本語', 'Beyoncé – Déjà Vu 🎵 日本語'],
    ['evil\u202Egpj.exe', 'evil_gpj.exe'],
    ['a<b>c"d|e*f', 'a_b_c_d_e_f'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps unicode normalized (NFC)', () => {
    expect(safeFileName('e\u0301')).toBe('\u00e9');
  });

  it('limits to the byte budget without splitting a character', () => {
    const long = '日本'.repeat(200); // 3 bytes each
    const out = safeFileName(long);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MAX_BASE_BYTES);
    expect(Buffer.byteLength(out)).toBeGreaterThan(MAX_BASE_BYTES - 3);
    expect(out).not.toContain('\uFFFD');
    // Family emoji (ZWJ sequence, 25 bytes): whole or not at all.
    const fam = '👨‍👩‍👧‍👦';
    expect(truncateUtf8(`ab${fam}`, 10)).toBe('ab');
    expect(truncateUtf8(`ab${fam}`, 27)).toBe(`ab${fam}`);
  });
});

describe('output paths', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nexstream-fn-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('never resolves outside the folder', () => {
    expect(() => insideDir(dir, '../x')).toThrow(expect.objectContaining({ code: 'media.output' }));
    expect(() => insideDir(dir, 'sub/x')).toThrow();
    expect(insideDir(dir, 'ok.mp3')).toBe(path.join(dir, 'ok.mp3'));
  });

  it('reserves a .part atomically; existing files and parts push to " (2)", " (3)"', async () => {
    await writeFile(path.join(dir, 'Song.mp3'), 'old');
    const a = await uniquePath(dir, 'Song', 'mp3');
    expect(a.finalPath).toBe(path.join(dir, 'Song (2).mp3'));
    expect(path.basename(a.partPath)).toMatch(new RegExp(`^Song \\(2\\)\\.host${process.pid}-\\d+\\.mp3\\.nexstream\\.part$`));
    expect(parsePartName(path.basename(a.partPath))).toMatchObject({ finalName: 'Song (2).mp3', owner: { pid: process.pid } });
    expect((await stat(a.partPath)).size).toBe(0);
    const b = await uniquePath(dir, 'Song', 'mp3');
    expect(b.finalPath).toBe(path.join(dir, 'Song (3).mp3'));
  });

  it("another host's part (other owner tag) or an untagged part also takes the name", async () => {
    await writeFile(path.join(dir, 'Tune.host999999-1.mp3' + PART_SUFFIX), '');
    await writeFile(path.join(dir, 'Tune (2).mp3' + PART_SUFFIX), '');
    const a = await uniquePath(dir, 'Tune', 'mp3');
    expect(a.finalPath).toBe(path.join(dir, 'Tune (3).mp3'));
  });

  it('gives concurrent jobs with the same title different names', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => uniquePath(dir, 'Same', 'm4a')));
    expect(new Set(all.map((r) => r.finalPath)).size).toBe(8);
  });

  it('sanitises the base it is given', async () => {
    const r = await uniquePath(dir, '../../escape', 'mp4');
    expect(path.dirname(r.finalPath)).toBe(dir);
    expect(path.basename(r.finalPath)).toBe('escape.mp4');
  });

  it('commitPart never overwrites a file that appeared meanwhile', async () => {
    const r = await uniquePath(dir, 'Clip', 'mp4');
    await writeFile(r.partPath, 'new');
    await writeFile(r.finalPath, 'someone else');
    const final = await commitPart(r.partPath, r.finalPath);
    expect(final).toBe(path.join(dir, 'Clip (2).mp4'));
    expect((await readdir(dir)).sort()).toEqual(['Clip (2).mp4', 'Clip.mp4']);
  });

  it('cleanupStaleParts removes only our stale .nexstream.part files', async () => {
    const old = Date.now() / 1000 - 3600;
    for (const n of ['a.mp3' + PART_SUFFIX, 'other.part', 'keep.mp3']) {
      await writeFile(path.join(dir, n), 'x');
      await utimes(path.join(dir, n), old, old);
    }
    await writeFile(path.join(dir, 'live.mp4' + PART_SUFFIX), 'x');
    const removed = await cleanupStaleParts(dir);
    expect(removed).toEqual([path.join(dir, 'a.mp3' + PART_SUFFIX)]);
    expect((await readdir(dir)).sort()).toEqual(['keep.mp3', 'live.mp4' + PART_SUFFIX, 'other.part']);
    expect(await cleanupStaleParts(path.join(dir, 'missing'))).toEqual([]);
  });
});
