import { describe, expect, it } from 'vitest';
import { albumBatch, albumTrackTags, fileStem } from '../../../shared/album-batch.js';
import { BatchRequest } from '../../../shared/protocol/requests.js';
import type { CollectionTrack, ResolvedCollection } from '../../../shared/protocol/collection.js';

const track = (position: number, disc: number, title: string, matched = true): CollectionTrack => ({
  position,
  disc,
  title,
  artists: ['The Stand-ins'],
  durationSec: 200,
  isrc: `QZAAA26000${position}${disc}`,
  link: 'https://www.deezer.com/track/1',
  error: null,
  result: {
    title,
    artists: ['The Stand-ins', 'Guest'],
    album: 'Night Signals',
    isrc: `QZAAA26000${position}${disc}`,
    durationSec: 200,
    artworkUrl: 'https://example.com/small.jpg',
    previewUrl: null,
    level: 'isrc',
    verified: matched,
    match: matched ? { id: `vid${position}${disc}aaaaaa`.slice(0, 11), url: `https://music.youtube.com/watch?v=vid${position}${disc}aaaaaa`.slice(0, 45), title, channel: null, durationSec: 200, score: 0.95 } : null,
    candidates: [],
    timingsMs: {},
    sources: {},
  },
});

const album = (tracks: CollectionTrack[], over: Partial<ResolvedCollection> = {}): ResolvedCollection => ({
  kind: 'album',
  title: 'Night Signals',
  artists: ['The Stand-ins'],
  source: 'deezer',
  url: 'https://www.deezer.com/album/1',
  coverUrl: 'https://e-cdns-images.dzcdn.net/images/cover/x/1000x1000-000000-80-0-0.jpg',
  date: '2026-03-06',
  genre: 'Electro',
  compilation: false,
  trackTotal: tracks.length,
  discTotal: Math.max(...tracks.map((t) => t.disc)),
  tracks,
  ...over,
});

describe('albumBatch', () => {
  it('one item per matched track, in disc/track order, with album tags and "NN - Title" stems', () => {
    const c = album([track(2, 1, 'B'), track(1, 1, 'A'), track(3, 1, 'C', false)]);
    const b = albumBatch(c, 'mp3-320');
    expect(BatchRequest.parse({ id: 'x', ...b })).toBeTruthy();
    expect(b).toMatchObject({ type: 'batch', preset: 'mp3-320', folder: ['The Stand-ins', 'Night Signals'], indexPrefix: false });
    expect(b.source.items.map((i) => [i.index, i.fileStem])).toEqual([
      [1, '01 - A'],
      [2, '02 - B'],
    ]);
    expect(b.source.items[0]?.tags).toEqual({
      title: 'A',
      artist: 'The Stand-ins, Guest',
      album: 'Night Signals',
      albumArtist: 'The Stand-ins',
      date: '2026-03-06',
      track: 1,
      trackTotal: 3,
      disc: 1,
      discTotal: 1,
      genre: 'Electro',
      compilation: false,
      isrc: 'QZAAA2600011',
      coverUrl: 'https://e-cdns-images.dzcdn.net/images/cover/x/1000x1000-000000-80-0-0.jpg',
    });
    expect(b.source.items[0]?.archiveKey).toMatch(/^youtube /);
  });

  it('multi-disc stems carry the disc; a compilation files under Various Artists', () => {
    const c = album([track(1, 1, 'A'), track(1, 2, 'B')], { compilation: true });
    expect(fileStem(c, c.tracks[1] as CollectionTrack)).toBe('2-01 - B');
    expect(albumBatch(c, 'flac').folder).toEqual(['Various Artists', 'Night Signals']);
    expect(albumTrackTags(c, c.tracks[1] as CollectionTrack)).toMatchObject({ albumArtist: 'Various Artists', compilation: true, disc: 2, discTotal: 2 });
  });

  it('no matched track at all: resolver.no_match, no empty batch', () => {
    expect(() => albumBatch(album([track(1, 1, 'A', false)]), 'mp3-320')).toThrow(expect.objectContaining({ code: 'resolver.no_match' }));
  });

  it('a bad cover URL is dropped from the tags, the rest kept', () => {
    const c = album([track(1, 1, 'A')], { coverUrl: null });
    const t = c.tracks[0] as CollectionTrack;
    if (t.result) t.result.artworkUrl = 'javascript:alert(1)';
    expect(albumTrackTags(c, t)).not.toHaveProperty('coverUrl');
  });
});
