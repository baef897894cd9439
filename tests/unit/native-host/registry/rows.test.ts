/** parseRow: the schema every registry row passes before use (shapes, URL schemes, durations, coherence). */
import { describe, expect, it } from 'vitest';
import { parseRow } from '../../../../native-host/registry/rows.js';

const good = {
  isrc: 'GBDUW0000059',
  title: 'Harder, Better, Faster, Stronger',
  artists: '["Daft Punk"]',
  album: 'Discovery',
  duration_sec: 224,
  artwork_url: 'https://e-cdns-images.dzcdn.net/images/cover/x/1000x1000.jpg',
  preview_url: 'http://127.0.0.1:4000/preview.mp3',
  track_number: 4,
  release_date: '2001-03-07',
  match_id: 'yydNF8tuVmU',
  match_url: 'https://music.youtube.com/watch?v=yydNF8tuVmU',
  match_title: 'Harder, Better, Faster, Stronger',
  match_channel: 'Daft Punk',
  match_duration_sec: 226,
  match_score: 0.97,
  verified_by: 'odesli',
  level: 'isrc',
  resolved_at: 1700000000000,
  preview_checked_at: null,
  // A newer host version's column: ignored, not fatal.
  lyrics_url: 'https://example.com/l',
};

const reason = (over: Record<string, unknown>) => {
  const r = parseRow({ ...good, ...over });
  return r.ok ? null : r.reason;
};

describe('parseRow', () => {
  it('accepts a coherent row and maps it', () => {
    const r = parseRow(good);
    expect(r.ok && r.value).toMatchObject({ track: { isrc: 'GBDUW0000059', artists: ['Daft Punk'], durationSec: 224 }, match: { id: 'yydNF8tuVmU', durationSec: 226 }, verifiedBy: 'odesli' });
  });
  it('accepts youtu.be and www links, and numbers stored as text (libSQL type affinity)', () => {
    expect(reason({ match_url: 'https://youtu.be/yydNF8tuVmU' })).toBeNull();
    expect(reason({ match_url: 'https://www.youtube.com/watch?v=yydNF8tuVmU', duration_sec: '224' })).toBeNull();
  });
  it.each([
    [{ isrc: 'gbduw0000059' }, /ISRC/],
    [{ isrc: 'GB-DUW-00-00059' }, /ISRC/],
    [{ match_id: 'yydNF8tuVm' }, /video id/],
    [{ match_url: 'ftp://youtube.com/watch?v=yydNF8tuVmU' }, /http\(s\)/],
    [{ match_url: 'https://youtube.com.evil.example/watch?v=yydNF8tuVmU' }, /YouTube/],
    [{ preview_url: 'javascript:alert(1)' }, /http\(s\)/],
    [{ artwork_url: 'not a url' }, /http\(s\)/],
    [{ duration_sec: 0 }, /duration_sec/],
    [{ duration_sec: 7 * 3600 }, /duration_sec/],
    [{ match_duration_sec: 300 }, /disagrees/],
    [{ artists: '[]' }, /artists/],
    [{ artists: '{"a":1}' }, /artists/],
    [{ title: '' }, /title/],
    [{ verified_by: 'fuzzy' }, /verified_by/],
    [{ resolved_at: 'yesterday' }, /resolved_at/],
  ])('rejects %o', (over, why) => {
    expect(reason(over)).toMatch(why);
  });
  it('a music video a little longer than the track is still coherent', () => {
    expect(reason({ duration_sec: 224, match_duration_sec: 250 })).toBeNull();
  });
  it('non-objects are rejected, not thrown on', () => {
    expect(parseRow(null).ok).toBe(false);
    expect(parseRow('x').ok).toBe(false);
  });
});
