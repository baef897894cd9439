import { describe, expect, it } from 'vitest';
import { classifyMusicUrl, isMusicLink, youtubeIdCandidate, youtubeVideoId } from '../../../shared/music-link.js';

describe('youtubeVideoId', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://music.youtube.com/watch?v=gAjR4_CbPpQ&list=x', 'gAjR4_CbPpQ'],
    ['https://youtu.be/yydNF8tuVmU?t=3', 'yydNF8tuVmU'],
    ['https://m.youtube.com/shorts/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
  ])('%s -> %s', (url, id) => expect(youtubeVideoId(url)).toBe(id));

  it.each(['https://www.youtube.com/watch?v=short', 'https://evil.example/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/channel/x', 'not a url'])(
    'refuses %s',
    (url) => expect(youtubeVideoId(url)).toBeNull(),
  );

  it('gives the unchecked candidate for lenient callers', () => {
    expect(youtubeIdCandidate(new URL('https://music.youtube.com/watch?v=abc'))).toBe('abc');
    expect(youtubeIdCandidate(new URL('https://youtu.be/'))).toBeNull();
  });
});

describe('classifyMusicUrl', () => {
  it.each([
    ['https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', { kind: 'track', platform: 'spotify', id: '4uLU6hMCjMI75M1A2tKUQC' }],
    ['https://music.apple.com/us/album/x/1440857781?i=1440857795', { kind: 'track', platform: 'appleMusic', id: '1440857795' }],
    ['https://www.deezer.com/en/track/3135556', { kind: 'track', platform: 'deezer', id: '3135556' }],
    ['https://tidal.com/browse/track/77640617', { kind: 'track', platform: 'tidal', id: '77640617' }],
    ['https://soundcloud.com/artist/song', { kind: 'track', platform: 'soundcloud', id: 'artist/song' }],
    ['https://music.youtube.com/watch?v=gAjR4_CbPpQ', { kind: 'track', platform: 'youtubeMusic', id: 'gAjR4_CbPpQ' }],
    ['https://www.deezer.com/album/302127', { kind: 'collection', platform: 'Deezer', what: 'album' }],
    ['https://music.youtube.com/browse/MPREb_x', { kind: 'collection', platform: 'YouTube Music', what: 'album' }],
    ['https://example.com/track/1', null],
  ])('%s', (url, want) => expect(classifyMusicUrl(new URL(url))).toEqual(want));
});

describe('isMusicLink', () => {
  it('knows the music hosts and nothing else', () => {
    expect(isMusicLink('https://open.spotify.com/track/x')).toBe(true);
    expect(isMusicLink('https://eu.deezer.com/x')).toBe(true);
    expect(isMusicLink('https://example.com/')).toBe(false);
    expect(isMusicLink('garbage')).toBe(false);
  });
});
