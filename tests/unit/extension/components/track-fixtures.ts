/** Resolve sessions for the track view's tests, built through the background's own session store. */
import type { ResolveResult } from '../../../../shared/protocol/track.js';
import { ResolveSessions, type ResolveSession } from '../../../../extension/background/resolve-sessions.js';
import { TrackSessionView } from '../../../../extension/track-messages.js';

export const META = { title: 'One More Time', artists: ['Daft Punk'], durationSec: 320, artworkUrl: 'https://i.scdn.co/image/abc' };

export const BREAKDOWN = { title: 1, artist: 0.95, duration: 0.6, channel: 1, penalty: 0, markers: [], source: 0.2 };
export const MATCH = { id: 'FGBhQbmPwH8', url: 'https://music.youtube.com/watch?v=FGBhQbmPwH8', title: 'One More Time', channel: 'Daft Punk', durationSec: 321, score: 1.12, breakdown: BREAKDOWN, foundBy: 'isrc+songs' };
export const CANDIDATES = [
  { id: 'FGBhQbmPwH8', url: MATCH.url, title: 'One More Time', channel: 'Daft Punk', durationSec: 321, score: 1.12 },
  { id: 'A2VpR8HahKc', url: 'https://www.youtube.com/watch?v=A2VpR8HahKc', title: 'Daft Punk - One More Time (Official Video)', channel: 'Daft Punk', durationSec: 330, score: 0.91 },
  { id: 'live1', url: 'https://www.youtube.com/watch?v=live1', title: 'One More Time (Live 2007)', channel: 'Daft Punk', durationSec: 400, score: 0.4 },
];

export const RESULT: ResolveResult = {
  title: 'One More Time',
  artists: ['Daft Punk'],
  album: 'Discovery',
  isrc: 'GBDUW0000053',
  durationSec: 320,
  artworkUrl: 'https://is1-ssl.mzstatic.com/image/thumb/x/1200x1200bb.jpg',
  previewUrl: 'https://cdnt-preview.dzcdn.net/preview.mp3',
  trackNumber: 1,
  releaseDate: '2001-03-07',
  level: 'isrc',
  verified: true,
  match: MATCH,
  candidates: CANDIDATES,
  timingsMs: { total: 800 },
};

/** What the background's track service sends for a session (same shape, validated). */
export function toView(s: ResolveSession, over: Partial<TrackSessionView> = {}): TrackSessionView {
  const { requestId: _r, jobId: _j, ...rest } = s;
  return TrackSessionView.parse({ ...rest, job: null, host: { status: 'ready' }, ...over });
}

export function session(step: 'meta' | 'partial' | 'done' | 'no-match' | 'collection') {
  const store = new ResolveSessions();
  const s = store.create('https://open.spotify.com/track/0DiWol3AO6WpXZgp0goxAV', META);
  if (step === 'meta') return { store, s };
  store.partial({ kind: 'event', event: 'resolve.partial', requestId: s.requestId, provider: 'deezer', level: 'isrc', track: { title: 'One More Time', album: 'Discovery', isrc: 'GBDUW0000053', artworkUrl: null } });
  if (step === 'partial') return { store, s };
  if (step === 'collection') {
    store.failed(s.requestId, { code: 'resolver.collection', message: 'This is a Spotify album, not a track.' });
    return { store, s };
  }
  store.result(s.requestId, step === 'no-match' ? { ...RESULT, verified: false, match: null, level: 'search' } : RESULT);
  return { store, s };
}
