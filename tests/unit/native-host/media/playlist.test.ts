/** Flat-playlist lines as yt-dlp prints them: the feed line recorded from yt-dlp 2023.03.04 on a local RSS feed; the YouTube line in the shape of yt_dlp/extractor/youtube.py `_extract_video` (a `url_result` with ie_key "Youtube", id, title, duration, thumbnails). */
import { describe, expect, it } from 'vitest';
import { toEntry, ytdlpListArgs } from '../../../../native-host/media/playlist.js';

const feedLine = { _type: 'url_transparent', url: 'http://127.0.0.1:8931/ep2.m4a#__youtubedl_smuggle=%7B%7D', title: 'Episode Two', duration: 2.0, thumbnail: null, playlist_count: 3, playlist: 'Test Podcast', playlist_id: 'http://127.0.0.1:8931/feed.xml', playlist_title: 'Test Podcast', n_entries: 3, playlist_index: 2, extractor: 'generic', extractor_key: 'Generic' };
const ytLine = { _type: 'url', ie_key: 'Youtube', id: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: '[Private video]', duration: null, thumbnails: [{ url: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg', height: 94, width: 168 }], playlist_title: 'Mix', playlist_index: 5, n_entries: 5000 };

describe('flat playlist lines', () => {
  it('maps a feed entry (no id: no archive key)', () => {
    expect(toEntry(feedLine, 1, 'http://127.0.0.1:8931/feed.xml')).toEqual({
      entry: { index: 2, id: null, title: 'Episode Two', durationSec: 2, url: feedLine.url },
      header: { title: 'Test Podcast', count: 3 },
    });
  });
  it('maps a YouTube flat entry with its archive key and best thumbnail', () => {
    expect(toEntry(ytLine, 1, 'https://www.youtube.com/playlist?list=x')?.entry).toEqual({ index: 5, id: 'dQw4w9WgXcQ', title: '[Private video]', durationSec: null, url: ytLine.url, thumbnail: ytLine.thumbnails[0]?.url, archiveKey: 'youtube dQw4w9WgXcQ' });
  });
  it('a single video (no playlist fields) or a non-http URL is no entry', () => {
    expect(toEntry({ id: 'x', title: 'One', url: 'http://a/b.mp4' }, 1, 'http://a/')).toBeNull();
    expect(toEntry({ ...feedLine, url: 'file:///etc/passwd', webpage_url: 'javascript:alert(1)' }, 1, 'http://a/')).toBeNull();
  });
  it('resolves a relative entry URL against the playlist', () => {
    expect(toEntry({ ...feedLine, url: 'ep1.m4a' }, 1, 'http://h/feed.xml')?.entry.url).toBe('http://h/ep1.m4a');
  });
  it('lists with the playlist on, capped, URL after --', () => {
    const args = ytdlpListArgs('http://h/p', { ytdlpSupportsJsRuntimes: false }, 50);
    expect(args.slice(-2)).toEqual(['--', 'http://h/p']);
    expect(args).toContain('--flat-playlist');
    expect(args.indexOf('--yes-playlist')).toBeGreaterThan(args.indexOf('--no-playlist'));
    expect(args[args.indexOf('--playlist-end') + 1]).toBe('50');
  });
});
