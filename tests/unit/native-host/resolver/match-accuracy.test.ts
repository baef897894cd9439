/**
 * Fast variant of bench:match: the scorer on the recorded cases, fed what the product really gets.
 * YouTube Music results go through the InnerTube stand-in's response shapes and youtubei.js's own
 * parser (tests/fixtures/innertube), then our mapping; video results carry only what yt-dlp's
 * `_extract_video` gives (title, duration, channel, views: no artists, no album).
 */
import { YTMusic } from 'youtubei.js';
import { describe, expect, it } from 'vitest';
import { grade, loadCases, type MatchCase } from '../../../../bench/match-cases.js';
import { pickMatch, type SearchHit } from '../../../../native-host/resolver/match.js';
import { mergeHits } from '../../../../native-host/resolver/youtube-search.js';
import { mapSearchContents } from '../../../../native-host/resolver/ytmusic-map.js';
import { answerSearch } from '../../../fixtures/innertube/server.js';

/** youtubei.js's songs filter, as Music#search encodes it (SearchFilter { musicSearchType { song } }). */
const SONGS_PARAMS = 'EgWKAQIIAQ%3D%3D';

function innertube(c: MatchCase, kind: 'songs' | 'isrc', q: string): SearchHit[] {
  const body = answerSearch(c.candidates, q, kind === 'songs' ? SONGS_PARAMS : undefined);
  const page = new YTMusic.Search({ data: body } as never, {} as never, kind === 'songs');
  return mapSearchContents(page.contents, kind, kind === 'songs' ? 20 : 10).hits;
}

function videos(c: MatchCase): SearchHit[] {
  const rank = (k: MatchCase['candidates'][number]) => Math.min(...k.foundIn.filter((f) => f.search === 'videos' || f.search === 'youtube').map((f) => f.rank));
  const found = c.candidates.filter((k) => k.title && Number.isFinite(rank(k))).sort((a, b) => rank(a) - rank(b));
  return found.map((k, i) => ({ id: k.id, url: `https://www.youtube.com/watch?v=${k.id}`, title: k.title ?? '', channel: k.channel, durationSec: k.durationSec, views: k.views, kind: 'video', foundBy: ['videos'], rank: i + 1 }));
}

describe('matcher on ../shared/data/matching-cases.json', () => {
  it('top-1 accuracy through faithful inputs beats spotDL (42/49)', () => {
    const cases = loadCases();
    const picks = cases.map((c) => {
      const t = c.track;
      const lists = [innertube(c, 'songs', `${t.artists[0] ?? ''} - ${t.title}`), videos(c)];
      if (t.isrc) lists.unshift(innertube(c, 'isrc', t.isrc));
      return pickMatch({ title: t.title, artists: t.artists, album: t.album, durationSec: t.durationSec }, mergeHits(lists)).best?.hit.id ?? null;
    });
    const g = grade(cases, picks);
    expect(g.correct).toBeGreaterThanOrEqual(47);
    expect(g.correct).toBeGreaterThan(g.spotdlCorrect);
  });
});
