/**
 * InnerTube result mapping on recorded-shape pages (tests/fixtures/innertube/renderers.ts: the
 * renderers youtubei.js parses), parsed by youtubei.js itself, then mapped and validated by us.
 */
import { YTMusic } from 'youtubei.js';
import { describe, expect, it } from 'vitest';
import { mapSearchContents, parseViews, YtMusicShapeError } from '../../../../native-host/resolver/ytmusic-map.js';
import { buildSearch, listItem, searchResponse, shelf } from '../../../fixtures/innertube/renderers.js';

const song = { id: 'lFMoDtmus8s', title: 'מיליון דולר (feat. Shahar Saul)', channel: 'Noa Kirel', artists: ['Noa Kirel', 'Shahar Saul'], durationSec: 174, kind: 'song', album: 'מיליון דולר', views: 42_000_000 };
const video = { id: 'no1lU_ausc8', title: 'Eartha Kitt "Santa Baby"', channel: 'Resurrected Tunes', artists: ['Resurrected Tunes'], durationSec: 213, kind: 'video', album: null, views: 37_527 };
const vevo = { ...video, id: 'dQw4w9WgXcQ', title: 'Never Gonna Give You Up', channel: 'RickAstleyVEVO', artists: ['Rick Astley'], durationSec: 3725 };

function parse(body: unknown, filtered: boolean): unknown {
  return new YTMusic.Search({ data: body } as never, {} as never, filtered).contents;
}

describe('InnerTube search mapping', () => {
  it('a songs page: credited artists, album, duration, upload kind; no views invented for songs', () => {
    const [hit] = mapSearchContents(parse(buildSearch([song], true), true), 'songs', 20).hits;
    expect(hit).toMatchObject({ id: song.id, title: song.title, artists: ['Noa Kirel', 'Shahar Saul'], album: 'מיליון דולר', durationSec: 174, kind: 'song', upload: 'atv', channel: 'Noa Kirel - Topic', views: null, foundBy: ['songs'], rank: 1 });
    expect(hit?.url).toBe('https://music.youtube.com/watch?v=lFMoDtmus8s');
  });

  it('an unfiltered (ISRC) page: "Song"/"Video" labels are not artists; videos keep their channel, views and kind', () => {
    const { hits } = mapSearchContents(parse(buildSearch([song, video, vevo], false), false), 'isrc', 10);
    expect(hits.map((h) => [h.id, h.kind, h.upload, h.isrcRank])).toEqual([
      [song.id, 'song', 'atv', 1],
      [video.id, 'video', 'ugc', 2],
      [vevo.id, 'video', 'omv', 3],
    ]);
    expect(hits[0]?.artists).toEqual(['Noa Kirel', 'Shahar Saul']);
    expect(hits[1]).toMatchObject({ channel: 'Resurrected Tunes', views: 38_000, durationSec: 213, album: null });
    expect(hits[2]?.durationSec).toBe(3725);
  });

  it('drops items that fail validation and keeps the rest', () => {
    const bad = listItem({ ...song, id: 'not-an-id' }, false);
    const body = searchResponse([shelf('Songs', [bad, listItem({ ...song, id: 'C32q5UoIdfQ' }, false)], true)]);
    const page = mapSearchContents(parse(body, true), 'songs', 20);
    expect(page.hits.map((h) => h.id)).toEqual(['C32q5UoIdfQ']);
    expect(page.dropped).toBe(1);
  });

  it('items without text runs: every item dropped is a changed shape, not "no results"', () => {
    const body = JSON.parse(JSON.stringify(buildSearch([song, video], true)).replace(/"text":\{"runs":\[[^\]]*\]\}/g, '"text":{}')) as unknown;
    expect(() => mapSearchContents(parse(body, true), 'songs', 20)).toThrow(YtMusicShapeError);
  });

  it('an empty shelf and "No results found" are empty answers, a page without shelves is a changed shape', () => {
    expect(mapSearchContents(parse(searchResponse([shelf('Songs', [], false)]), true), 'songs', 20).hits).toEqual([]);
    expect(mapSearchContents(parse(searchResponse([]), true), 'songs', 20).hits).toEqual([]);
    expect(() => mapSearchContents([], 'songs', 20)).toThrow(YtMusicShapeError);
    expect(() => mapSearchContents({ not: 'an array' }, 'songs', 20)).toThrow(YtMusicShapeError);
  });

  it('limits, de-duplicates, and skips non-recordings', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...song, id: `abcdefghi${String(i).padStart(2, '0')}` }));
    expect(mapSearchContents(parse(buildSearch([...many, many[0] as typeof song], true), true), 'songs', 20).hits).toHaveLength(20);
    const episode = { ...song, id: 'EPISODE0001', kind: 'unknown' };
    expect(mapSearchContents(parse(buildSearch([episode, song], false), false), 'isrc', 10).hits.map((h) => h.id)).toEqual([song.id]);
  });

  it('reads display counts', () => {
    expect(parseViews('1.2M views')).toBe(1_200_000);
    expect(parseViews('154K views')).toBe(154_000);
    expect(parseViews('371 views')).toBe(371);
    expect(parseViews('1,234 views')).toBe(1234);
    expect(parseViews('42M plays')).toBeNull();
    expect(parseViews(null)).toBeNull();
  });
});
