import { describe, expect, it } from 'vitest';
import { pickMatch, type SearchHit } from '../../../../native-host/resolver/match.js';
import { findMarkers, fold, splitTitle } from '../../../../native-host/resolver/normalize.js';
import { sameNameAcrossScripts } from '../../../../native-host/resolver/translit.js';

const hit = (id: string, title: string, channel: string, durationSec: number, extra: Partial<SearchHit> = {}): SearchHit => ({
  id, url: `https://www.youtube.com/watch?v=${id}`, title, channel, durationSec, kind: 'video', foundBy: ['videos'], rank: 1, ...extra,
});

describe('normalize', () => {
  it('folds styled letters and diacritics', () => {
    expect(fold('𝘴𝘱𝘺? Amhrán')).toBe('spy amhran');
  });
  it('splits feat. credits and qualifiers', () => {
    const s = splitTitle('Santa Baby (feat. Henri René & His Orchestra) [Live] - 2011 Remaster');
    expect(s.core).toBe('Santa Baby');
    expect(s.featured).toContain('Henri René');
    expect(findMarkers(s.qualifiers.join(' '))).toEqual(expect.arrayContaining(['live', 'remaster']));
  });
  it('compares names across scripts by consonants', () => {
    expect(sameNameAcrossScripts('Tuna', 'טונה')).toBe(true);
    expect(sameNameAcrossScripts('Noa Kirel', 'נועה קירל')).toBe(true);
    expect(sameNameAcrossScripts('Potap', 'Потап')).toBe(true);
    expect(sameNameAcrossScripts('Tuna', 'Drake')).toBe(false);
  });
});

describe('pickMatch', () => {
  const track = { title: 'One More Time', artists: ['Daft Punk'], durationSec: 320 };
  it('prefers the official upload over live, sped-up and wrong-length ones', () => {
    const out = pickMatch(track, [
      hit('aaaaaaaaaaa', 'Daft Punk - One More Time (Live 2007)', 'Daft Punk', 321),
      hit('bbbbbbbbbbb', 'One More Time (sped up)', 'fastsongs', 250),
      hit('ccccccccccc', 'Daft Punk - One More Time (Official Video)', 'Daft Punk', 321),
      hit('ddddddddddd', 'One More Time', 'Daft Punk - Topic', 380),
    ]);
    expect(out.best?.hit.id).toBe('ccccccccccc');
    expect(out.ranked.find((s) => s.hit.id === 'aaaaaaaaaaa')?.breakdown.markers).toContain('live');
  });
  it('does not penalise a marker the track itself has', () => {
    const out = pickMatch({ ...track, title: 'One More Time (Live)' }, [hit('aaaaaaaaaaa', 'One More Time (Live)', 'Daft Punk', 320), hit('bbbbbbbbbbb', 'One More Time', 'Daft Punk', 320)]);
    expect(out.best?.hit.id).toBe('aaaaaaaaaaa');
  });
  it('reports no confident match instead of guessing', () => {
    const out = pickMatch(track, [hit('aaaaaaaaaaa', 'Something Else Entirely', 'Nobody', 200)]);
    expect(out.best).toBeNull();
    expect(out.ranked).toHaveLength(1);
  });
  it('favours the first ISRC result', () => {
    const out = pickMatch(track, [
      hit('aaaaaaaaaaa', 'One More Time', 'Daft Punk', 320, { kind: 'song', foundBy: ['isrc'], rank: 2, isrcRank: 2 }),
      hit('bbbbbbbbbbb', 'One More Time', 'Daft Punk', 320, { kind: 'song', foundBy: ['isrc'], rank: 1, isrcRank: 1 }),
    ]);
    expect(out.best?.hit.id).toBe('bbbbbbbbbbb');
  });
});
