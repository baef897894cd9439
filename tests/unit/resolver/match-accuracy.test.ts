/** Fast variant of bench:match: the scorer alone on the recorded cases must stay above a floor. */
import { describe, expect, it } from 'vitest';
import { grade, loadCases, searchKindOf } from '../../../bench/match-cases.js';
import { pickMatch, type SearchHit } from '../../../native-host/resolver/match.js';

describe('matcher on ../shared/data/matching-cases.json', () => {
  it('top-1 accuracy beats spotDL (42/49)', () => {
    const cases = loadCases();
    const picks = cases.map((c) => {
      const hits: SearchHit[] = c.candidates.flatMap((k) => {
        if (!k.title) return [];
        const foundBy = [...new Set(k.foundIn.map((f) => searchKindOf(f.search)))];
        const isrc = k.foundIn.find((f) => f.search === 'isrc');
        return [{ id: k.id, url: `https://music.youtube.com/watch?v=${k.id}`, title: k.title, channel: k.channel, artists: k.artists ?? undefined, album: k.album, durationSec: k.durationSec, views: k.views, kind: foundBy.some((f) => f !== 'videos') ? 'song' : 'video', foundBy, rank: Math.min(...k.foundIn.map((f) => f.rank)), isrcRank: isrc?.rank } satisfies SearchHit];
      });
      return pickMatch({ title: c.track.title, artists: c.track.artists, album: c.track.album, durationSec: c.track.durationSec }, hits).best?.hit.id ?? null;
    });
    const g = grade(cases, picks);
    expect(g.correct).toBeGreaterThanOrEqual(47);
    expect(g.correct).toBeGreaterThan(g.spotdlCorrect);
  });
});
