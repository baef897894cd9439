import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveKeyOf, batchFolder, distinctStems, entriesToItems, fileStem, m3u8Text } from '../../../../native-host/jobs/batch-output.js';

describe('batch output names', () => {
  it('keeps every folder segment inside the base, whatever the playlist title says', () => {
    expect(batchFolder('/dl', ['../../etc'])).toBe(path.join('/dl', 'etc'));
    expect(batchFolder('/dl', ['AC/DC', 'Live: 1991?'])).toBe(path.join('/dl', 'AC_DC', 'Live_ 1991_'));
  });
  it('prefixes with the index, zero-padded to the largest index', () => {
    expect(fileStem({ url: 'http://x/', index: 7, title: 'Song' }, { indexPrefix: true, width: 1 })).toBe('07 - Song');
    expect(fileStem({ url: 'http://x/', index: 7, title: 'Song' }, { indexPrefix: true, width: 3 })).toBe('007 - Song');
    expect(fileStem({ url: 'http://x/', index: 7, fileStem: 'Mine', title: 'Song' }, { indexPrefix: false, width: 1 })).toBe('Mine');
    expect(fileStem({ url: 'http://x/', index: 7 }, { indexPrefix: false, width: 1 })).toBeUndefined();
  });
  it('numbers names that become the same file, first in list order keeps the plain one', () => {
    expect(distinctStems(['Same', 'same', 'Sa:me', 'Other', undefined, 'Same'])).toEqual(['Same', 'same (2)', 'Sa:me', 'Other', undefined, 'Same (3)']);
    expect(distinctStems(['A/B', 'A_B'])).toEqual(['A/B', 'A_B (2)']);
  });
  it('keys the archive by extractor + id, else by URL', () => {
    expect(archiveKeyOf({ url: 'http://x/a', index: 1, archiveKey: 'youtube abc' })).toBe('youtube abc');
    expect(archiveKeyOf({ url: 'http://x/a', index: 1 })).toBe('url http://x/a');
  });
  it('writes an extended M3U of done and skipped items in list order, relative to the folder', () => {
    const text = m3u8Text('/dl/P', [
      { index: 2, status: 'done', path: '/dl/P/b.mp3', title: 'B' },
      { index: 1, status: 'skipped', path: '/dl/P/a.mp3', title: 'A\nx' },
      { index: 3, status: 'failed' },
    ]);
    expect(text).toBe('#EXTM3U\n#EXTINF:-1,A x\na.mp3\n#EXTINF:-1,B\nb.mp3\n');
  });
  it('picks the chosen entries of a listing', () => {
    const listing = { title: 'P', count: 3, offset: 0, complete: true, entries: [1, 2, 3].map((i) => ({ index: i, id: `v${i}`, title: `T${i}`, durationSec: null, url: `http://x/${i}`, archiveKey: `yt v${i}` })) };
    expect(entriesToItems(listing, [3, 1]).map((i) => i.index)).toEqual([1, 3]);
    expect(entriesToItems(listing)).toHaveLength(3);
  });
});
