import { describe, expect, it } from 'vitest';
import { classifyInput } from '../../../../native-host/resolver/input.js';
import { NexError } from '../../../../shared/errors.js';

const code = (s: string) => {
  try {
    classifyInput(s);
    return null;
  } catch (e) {
    return e instanceof NexError ? e.code : 'other';
  }
};

describe('classifyInput', () => {
  it.each([
    ['https://open.spotify.com/intl-de/track/5W3cjX2J3tjhG8zb6u0qHn?si=x', 'spotify', '5W3cjX2J3tjhG8zb6u0qHn'],
    ['spotify:track:5W3cjX2J3tjhG8zb6u0qHn', 'spotify', '5W3cjX2J3tjhG8zb6u0qHn'],
    ['https://music.apple.com/us/album/discovery/697194953?i=697195787', 'appleMusic', '697195787'],
    ['https://music.apple.com/us/song/harder-better/697195787', 'appleMusic', '697195787'],
    ['https://www.deezer.com/en/track/3135556', 'deezer', '3135556'],
    ['https://tidal.com/browse/track/1434886', 'tidal', '1434886'],
    ['https://soundcloud.com/daftpunk/one-more-time', 'soundcloud', 'daftpunk/one-more-time'],
    ['https://music.youtube.com/watch?v=yydNF8tuVmU&list=RDAMVM', 'youtubeMusic', 'yydNF8tuVmU'],
    ['https://youtu.be/yydNF8tuVmU', 'youtube', 'yydNF8tuVmU'],
  ])('%s is a %s track', (url, platform, id) => {
    expect(classifyInput(url)).toMatchObject({ kind: 'link', platform, id });
  });
  it.each([
    'https://open.spotify.com/album/2noRn2Aes5aoNVsU6iWThc',
    'https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M',
    'https://music.apple.com/us/album/discovery/697194953',
    'https://www.deezer.com/album/302127',
    'https://soundcloud.com/daftpunk/sets/discovery',
    'https://www.youtube.com/playlist?list=PL123',
  ])('%s is a collection', (url) => expect(code(url)).toBe('resolver.collection'));
  it('rejects unknown links', () => expect(code('https://example.com/song/1')).toBe('resolver.unsupported_link'));
  it('splits free text', () => {
    expect(classifyInput('Daft Punk - One More Time')).toEqual({ kind: 'text', text: 'Daft Punk - One More Time', artist: 'Daft Punk', title: 'One More Time' });
    expect(classifyInput('One More Time by Daft Punk')).toMatchObject({ artist: 'Daft Punk', title: 'One More Time' });
    expect(classifyInput('one more time')).toMatchObject({ artist: null, title: 'one more time' });
  });
});
