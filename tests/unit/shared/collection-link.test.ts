import { describe, expect, it } from 'vitest';
import { collectionLink } from '../../../shared/collection-link.js';

describe('collectionLink', () => {
  it.each([
    ['https://www.deezer.com/en/album/302127', 'deezer', 'album', '302127'],
    ['https://www.deezer.com/playlist/908622995', 'deezer', 'playlist', '908622995'],
    ['https://music.apple.com/us/album/discovery/697194953', 'appleMusic', 'album', '697194953'],
    ['https://music.apple.com/us/playlist/chill/pl.u-abc123', 'appleMusic', 'playlist', 'pl.u-abc123'],
    ['https://open.spotify.com/album/2noRn2Aes5aoNVsU6iWThc', 'spotify', 'album', '2noRn2Aes5aoNVsU6iWThc'],
    ['https://open.spotify.com/intl-de/playlist/37i9dQZF1DXcBWIGoYBM5M?si=x', 'spotify', 'playlist', '37i9dQZF1DXcBWIGoYBM5M'],
    ['spotify:album:2noRn2Aes5aoNVsU6iWThc', 'spotify', 'album', '2noRn2Aes5aoNVsU6iWThc'],
    ['https://tidal.com/browse/album/1434876', 'tidal', 'album', '1434876'],
    ['https://listen.tidal.com/playlist/36ea71a8-445e-41a4-82ab-6628c581535d', 'tidal', 'playlist', '36ea71a8-445e-41a4-82ab-6628c581535d'],
  ])('%s', (url, service, kind, id) => expect(collectionLink(url)).toMatchObject({ service, kind, id }));

  it.each([
    'https://www.deezer.com/track/3135556',
    'https://music.apple.com/us/album/discovery/697194953?i=697195787', // a song on the album page
    'https://open.spotify.com/album/short',
    'https://www.deezer.com/album/12ab',
    'https://example.com/album/1',
    'ftp://www.deezer.com/album/1',
    'Daft Punk - Discovery',
  ])('%s is not an album or playlist', (url) => expect(collectionLink(url)).toBeNull());
});
