import { describe, expect, it } from 'vitest';
import { playlistHint, probedFromPlaylist } from '../../../../native-host/media/playlist-hint.js';
import youtubeVideo from '../../../fixtures/ytdlp/youtube-video.json' with { type: 'json' };
import genericDirect from '../../../fixtures/ytdlp/generic-direct.json' with { type: 'json' };

describe('playlistHint', () => {
  it.each([
    'https://www.youtube.com/playlist?list=PL123',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL123',
    'https://www.youtube.com/@someone/videos',
    'https://www.youtube.com/@someone',
    'https://www.youtube.com/channel/UC123',
    'https://soundcloud.com/artist/sets/an-album',
    'https://artist.bandcamp.com/album/x',
    'https://vimeo.com/showcase/123',
    'https://example.com/podcast/feed.xml',
    'https://example.com/feed',
    'https://feeds.example.com/show',
    'https://example.com/show.rss',
  ])('%s names a list', (u) => expect(playlistHint(u)).toBe(true));

  it.each(['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ', 'http://127.0.0.1:8000/page.html', 'http://127.0.0.1:8000/direct.mp4', 'https://vimeo.com/123456', 'not a url'])('%s does not', (u) => expect(playlistHint(u)).toBe(false));
});

describe('probedFromPlaylist', () => {
  it('a single video (recorded yt-dlp -J) is not from a playlist', () => {
    expect(probedFromPlaylist(youtubeVideo as Record<string, unknown>)).toBe(false);
    expect(probedFromPlaylist(genericDirect as Record<string, unknown>)).toBe(false);
  });
  it("a playlist's first entry (yt-dlp adds playlist_index/playlist_count to every entry) is", () => {
    expect(probedFromPlaylist({ ...genericDirect, playlist_index: 1, playlist_count: 3, playlist: 'My Feed' })).toBe(true);
    expect(probedFromPlaylist({ _type: 'playlist', entries: [] })).toBe(true);
  });
});
