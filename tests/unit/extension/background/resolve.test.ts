import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../../../extension/background/resolve-input.js';
import { ResolveSessions } from '../../../../extension/background/resolve-sessions.js';
import { trackDownloadRequest } from '../../../../extension/background/track-download.js';
import { DownloadRequest } from '../../../../shared/protocol/index.js';
import { MATCH, META, RESULT, session } from '../components/track-fixtures.js';

describe('resolve sessions', () => {
  it('page meta first, partials refine (nulls never erase), the result is authoritative', () => {
    const store = new ResolveSessions();
    const s = store.create('Daft Punk - One More Time', META);
    expect(s.track).toEqual(META);
    store.partial({ kind: 'event', event: 'resolve.partial', requestId: s.requestId, provider: 'itunes', level: 'isrc', track: { artworkUrl: 'https://a/1200x1200bb.jpg', durationSec: null } });
    expect(s.track).toMatchObject({ artworkUrl: 'https://a/1200x1200bb.jpg', durationSec: 320 });
    store.partial({ kind: 'event', event: 'resolve.partial', requestId: 'someone-else', provider: 'deezer', level: 'isrc', track: { title: 'Wrong' } });
    expect(s.track.title).toBe('One More Time');
    store.result(s.requestId, RESULT);
    expect(s).toMatchObject({ status: 'done', verified: true, level: 'isrc', providers: ['itunes'] });
    expect(s.track.artworkUrl).toBe(RESULT.artworkUrl);
    expect(s.match?.id).toBe(MATCH.id);
  });

  it('a registry hit refreshes the preview after the result', () => {
    const store = new ResolveSessions();
    const s = store.create('x', null);
    store.result(s.requestId, { ...RESULT, level: 'registry' });
    store.partial({ kind: 'event', event: 'resolve.partial', requestId: s.requestId, provider: 'deezer', level: 'registry', track: { previewUrl: 'https://fresh/p.mp3' } });
    expect(s.track.previewUrl).toBe('https://fresh/p.mp3');
    expect(s.level).toBe('registry');
  });

  it("the user's pick survives a retry and later results", () => {
    const { store, s } = session('done');
    store.pick(s, { ...MATCH, id: 'mine', url: 'https://youtu.be/mine', foundBy: 'you' });
    const id = store.restart(s);
    store.result(id, RESULT);
    expect(s.match?.id).toBe('mine');
    expect(s.picked).toBe(true);
  });

  it('keeps at most `max` sessions, oldest dropped', () => {
    const store = new ResolveSessions(2);
    const a = store.create('a', null);
    store.create('b', null);
    store.create('c', null);
    expect(store.get(a.id)).toBeUndefined();
  });
});

describe('track download request', () => {
  it('the matched source with the official tags and the hi-res cover; valid for the host', () => {
    const { s } = session('done');
    const req = trackDownloadRequest(s, 'mp3-320');
    expect(req).toEqual({
      url: MATCH.url,
      preset: 'mp3-320',
      title: 'One More Time',
      tags: { title: 'One More Time', artist: 'Daft Punk', albumArtist: 'Daft Punk', album: 'Discovery', date: '2001-03-07', track: 1, isrc: 'GBDUW0000053', coverUrl: RESULT.artworkUrl },
    });
    expect(DownloadRequest.safeParse({ id: 'r1', type: 'download', ...req }).success).toBe(true);
    expect(trackDownloadRequest(s, 'flac')?.preset).toBe('flac');
  });

  it('nothing to download without a match; a non-http cover is left out', () => {
    const { s } = session('meta');
    expect(trackDownloadRequest(s, 'm4a')).toBeNull();
    s.match = MATCH;
    s.track.artworkUrl = 'data:image/png;base64,xx';
    expect(trackDownloadRequest(s, 'm4a')?.tags?.coverUrl).toBeUndefined();
  });
});

describe('what "Resolve this track" sends', () => {
  it('a link wins, then the selection, then the page (with its meta)', () => {
    expect(resolveTarget({ linkUrl: 'https://open.spotify.com/track/abc', selectionText: 'x', pageUrl: 'https://a.example/' }, META)).toEqual({ input: 'https://open.spotify.com/track/abc', meta: null });
    expect(resolveTarget({ selectionText: '  Daft Punk -\n One More Time ', pageUrl: 'https://a.example/' }, META)).toEqual({ input: 'Daft Punk - One More Time', meta: null });
    expect(resolveTarget({ pageUrl: 'https://open.spotify.com/track/abc' }, META)).toEqual({ input: 'https://open.spotify.com/track/abc', meta: META });
  });

  it('a page that is not a known music link but describes a track is resolved as text with its meta', () => {
    expect(resolveTarget({ pageUrl: 'http://127.0.0.1:8080/track.html' }, META)).toEqual({ input: 'Daft Punk - One More Time', meta: META });
    expect(resolveTarget({ pageUrl: 'https://blog.example/post' }, null)).toEqual({ input: 'https://blog.example/post', meta: null });
    expect(resolveTarget({}, null)).toBeNull();
  });
});
