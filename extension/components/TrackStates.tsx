import type { ErrorPayload } from '../../shared/protocol/index.js';
import { describeError } from '../error-text.js';

/** The lookup cannot produce a track: say which case it is and what to do. */
export function TrackProblem({ kind, error, onRetry }: { kind: 'collection' | 'unsupported' | 'error' | 'missing'; error?: ErrorPayload | null; onRetry?: () => void }) {
  const text = {
    collection: { h: 'This is an album or playlist', p: 'NexStream resolves one track at a time. Open a single track and resolve that.' },
    unsupported: { h: 'Not a track link NexStream knows', p: 'Use a Spotify, Apple Music, Deezer, Tidal, SoundCloud, YouTube Music or YouTube track link, or select text like “Artist - Title”.' },
    error: { h: 'The lookup failed', p: error ? describeError(error) : 'Something went wrong.' },
    missing: { h: 'This lookup has expired', p: 'The browser restarted NexStream in the background. Use “Resolve this track” again.' },
  }[kind];
  return (
    <section className={`card ${kind === 'error' ? 'error' : 'notice'}`} role={kind === 'error' ? 'alert' : 'status'} data-state={kind}>
      <h2>{text.h}</h2>
      <p className={kind === 'error' ? 'error-text' : undefined}>{text.p}</p>
      {onRetry && kind === 'error' && (
        <button type="button" className="ghost" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}

export function NoMatch() {
  return (
    <section className="card notice" role="status" data-state="no-match">
      <h2>No confident match</h2>
      <p>None of the YouTube results agreed well enough with the track. Pick the right one below, or paste a link.</p>
    </section>
  );
}
