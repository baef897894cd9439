// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectPage } from '../../../../extension/detect/index.js';
import { trackPage } from '../../../../extension/detect/track-page.js';
import { PageReport } from '../../../../extension/detect/types.js';
import { loadFixture } from './load-fixture.js';

describe('track-page detector', () => {
  it('Spotify: og:title, artists and album from og:description, music:duration, og:image', () => {
    const found = trackPage.detect(loadFixture('spotify-track.html'), 'https://open.spotify.com/track/0DiWol3AO6WpXZgp0goxAV');
    expect(found.track).toEqual({
      title: 'One More Time',
      artists: ['Daft Punk'],
      album: 'Discovery',
      durationSec: 320,
      artworkUrl: 'https://i.scdn.co/image/ab67616d0000b273b33d46dfa2635a47eebf63b2',
    });
    expect(found.items).toEqual([]);
  });

  it('Apple Music: JSON-LD MusicRecording wins (ISRC upper-cased, ISO duration, album, image object)', () => {
    const found = trackPage.detect(loadFixture('apple-music-track.html'), 'https://music.apple.com/us/song/one-more-time/697194953');
    expect(found.track).toEqual({
      title: 'One More Time',
      artists: ['Daft Punk'],
      album: 'Discovery',
      durationSec: 320,
      isrc: 'GBDUW0000053',
      artworkUrl: 'https://is1-ssl.mzstatic.com/image/thumb/Music115/v4/12/34/cover/1000x1000bb.jpg',
    });
  });

  it('Deezer: "Title - Artist" og:title split on deezer.com, broken JSON-LD skipped, album link ignored', () => {
    const found = trackPage.detect(loadFixture('deezer-track.html'), 'https://www.deezer.com/track/3135553');
    expect(found.track).toMatchObject({ title: 'One More Time', artists: ['Daft Punk'], durationSec: 320 });
    expect(found.track?.album).toBeUndefined();
  });

  it('the same tags on a mirror (127.0.0.1) are still a track page; a video page is not', () => {
    expect(trackPage.detect(loadFixture('spotify-track.html'), 'http://127.0.0.1:8080/track/1').track?.title).toBe('One More Time');
    expect(trackPage.detect(loadFixture('meta-tags.html'), 'https://www.example.com/watch/bbb').track).toBeUndefined();
    expect(trackPage.detect(loadFixture('empty.html'), 'https://example.com/')).toEqual({ items: [], meta: {} });
  });

  it('hostile values are dropped by the schema rather than passed to the host', () => {
    document.head.innerHTML = `<meta property="og:type" content="music.song"><meta property="og:title" content="${'x'.repeat(2000)}"><meta property="music:duration" content="-5">`;
    expect(trackPage.detect(document, 'https://open.spotify.com/track/1').track).toBeUndefined();
  });

  it('ends up in the page report the content script sends', () => {
    const report = collectPage(loadFixture('spotify-track.html'), 'https://open.spotify.com/track/0DiWol3AO6WpXZgp0goxAV');
    expect(PageReport.parse(report).track?.artists).toEqual(['Daft Punk']);
    expect(report.meta.title).toBe('One More Time');
  });
});
