/** The matcher on what richer YouTube Music results offer: versions, covers, other artists, bare titles. */
import { describe, expect, it } from 'vitest';
import { isBare, pickMatch, type SearchHit } from '../../../../native-host/resolver/match.js';
import { qualifierPenalty, trackQualifiers } from '../../../../native-host/resolver/qualifiers.js';
import { sameNameAcrossScripts } from '../../../../native-host/resolver/translit.js';

let n = 0;
const song = (title: string, artists: string[], durationSec: number | null, extra: Partial<SearchHit> = {}): SearchHit => {
  n++;
  return { id: `song${String(n).padStart(7, '0')}`, url: '', title, channel: artists[0] ? `${artists[0]} - Topic` : null, artists, album: null, durationSec, kind: 'song', upload: 'atv', foundBy: ['songs'], rank: n, ...extra };
};

describe('version qualifiers', () => {
  it('an unknown qualifier the track lacks counts against a candidate', () => {
    const t = trackQualifiers('Wake Me Up', 'True', ['Avicii']);
    expect(qualifierPenalty(t, 'Wake Me Up (Avicii By Avicii)', ['Avicii']).penalty).toBeGreaterThan(0.1);
    expect(qualifierPenalty(t, 'Wake Me Up (Official Video)', ['Avicii']).penalty).toBe(0);
    expect(qualifierPenalty(t, 'Wake Me Up (feat. Aloe Blacc)', ['Avicii']).penalty).toBe(0);
    expect(qualifierPenalty(t, 'Wake Me Up (Prod. by Arash Pournouri) [Dir. by Mark Seliger]', ['Avicii']).penalty).toBe(0);
  });
  it("another year's remaster costs a little, a remaster year the track does not name nothing", () => {
    const remastered = trackQualifiers('Bigmouth Strikes Again - 2011 Remaster', 'The Queen Is Dead', ['The Smiths']);
    expect(qualifierPenalty(remastered, 'Bigmouth Strikes Again (2017 Master)', []).penalty).toBeCloseTo(0.05);
    expect(qualifierPenalty(remastered, 'Bigmouth Strikes Again (2011 Remaster)', []).penalty).toBe(0);
    const plain = trackQualifiers('Bigmouth Strikes Again', 'The Queen Is Dead', ['The Smiths']);
    expect(qualifierPenalty(plain, 'Bigmouth Strikes Again (Remastered 2017)', []).penalty).toBe(0);
  });
  it("the track's own unusual qualifier must be on the candidate", () => {
    const t = trackQualifiers('Wake Me Up (Avicii By Avicii)', null, ['Avicii']);
    expect(qualifierPenalty(t, 'Wake Me Up', ['Avicii']).penalty).toBeGreaterThan(0);
    expect(qualifierPenalty(t, 'Wake Me Up (Avicii By Avicii)', ['Avicii']).penalty).toBe(0);
  });
});

describe('pickMatch with credited artists, album, upload kind', () => {
  const track = { title: 'Levels', artists: ['Avicii'], album: 'Levels', durationSec: 200 };
  it('the album version over the radio edit, the edit over nothing when the track is the edit', () => {
    const album = song('Levels', ['Avicii'], 200);
    const edit = song('Levels (Radio Edit)', ['Avicii'], 199);
    expect(pickMatch(track, [edit, album]).best?.hit.id).toBe(album.id);
    expect(pickMatch({ ...track, title: 'Levels - Radio Edit' }, [album, edit]).best?.hit.id).toBe(edit.id);
  });
  it('a karaoke or cover on a "- Topic" channel with the exact length loses to the artist', () => {
    const real = song('Levels', ['Avicii'], 203);
    const karaoke = song('Levels', ['Sing Karaoke Hits'], 200);
    const cover = song('Levels (Piano Cover)', ['Piano Dreamers'], 200);
    expect(pickMatch(track, [karaoke, cover, real]).best?.hit.id).toBe(real.id);
  });
  it('the same title by another artist alone is "no confident match"', () => {
    expect(pickMatch(track, [song('Levels', ['Nick Jonas'], 200, { foundBy: ['isrc'], isrcRank: 2 })]).best).toBeNull();
  });
  it('artists written in another script still match', () => {
    const hit = song('מיליון דולר', ['נועה קירל'], 174);
    expect(pickMatch({ title: 'מיליון דולר', artists: ['Noa Kirel'], durationSec: 173 }, [hit]).best?.hit.id).toBe(hit.id);
  });
  it('names compare across Arabic and Greek too', () => {
    expect(sameNameAcrossScripts('Amr Diab', 'عمرو دياب')).toBe(true);
    expect(sameNameAcrossScripts('Nancy Ajram', 'نانسي عجرم')).toBe(true);
    expect(sameNameAcrossScripts('Helena Paparizou', 'Έλενα Παπαρίζου')).toBe(true);
    expect(sameNameAcrossScripts('Sakis Rouvas', 'نانسي عجرم')).toBe(false);
  });
  it('a bare title (nothing but its title) is never confident, however well it reads', () => {
    const bare: SearchHit = { id: 'bare0000001', url: '', title: 'Avicii - Levels', channel: null, durationSec: null, kind: 'song', foundBy: ['isrc', 'songs'], rank: 1, isrcRank: 1 };
    expect(isBare(bare)).toBe(true);
    const o = pickMatch(track, [bare]);
    expect(o.ranked).toHaveLength(1);
    expect(o.best).toBeNull();
  });
  it('a compilation loses to the track on its own album', () => {
    const comp = song('Levels', ['Avicii'], 200, { album: 'Now 80s Dance Hits' });
    const own = song('Levels', ['Avicii'], 200, { album: 'Levels' });
    expect(pickMatch(track, [comp, own]).best?.hit.id).toBe(own.id);
  });
});
