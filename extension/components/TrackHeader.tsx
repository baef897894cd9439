import { useState } from 'react';
import type { TrackSessionView } from '../track-messages.js';
import { formatDuration } from './format.js';
import { LEVEL_TEXT } from './track-view.js';

/** Cover, title, artists, album, duration, ISRC: from the page at first, then from the providers. */
export function TrackHeader({ state }: { state: TrackSessionView }) {
  const t = state.track;
  const [broken, setBroken] = useState<string | null>(null);
  const cover = t.artworkUrl && broken !== t.artworkUrl ? t.artworkUrl : null;
  const facts = [t.album, formatDuration(t.durationSec), t.releaseDate?.slice(0, 4)].filter(Boolean);
  return (
    <header className="track-head" aria-busy={state.status === 'resolving'}>
      <div className="cover">
        {cover ? <img src={cover} alt={t.album ? `Cover of ${t.album}` : 'Cover art'} onError={() => setBroken(cover)} /> : <span className="cover-placeholder" aria-hidden="true">♪</span>}
      </div>
      <div className="track-text">
        <h1 className="track-title" data-field="title">
          {t.title ?? <span className="skeleton line" style={{ width: '70%', display: 'block' }} />}
        </h1>
        <p className="track-artists" data-field="artists">
          {t.artists?.length ? t.artists.join(', ') : state.status === 'resolving' ? <span className="skeleton line short" style={{ display: 'block' }} /> : 'Unknown artist'}
        </p>
        {facts.length > 0 && <p className="track-facts">{facts.join(' · ')}</p>}
        <div className="chips">
          {state.verified && (
            <span className="chip verified" title="The ISRC came from an official catalogue and the source was confirmed through it" data-field="verified">
              ✓ Verified
            </span>
          )}
          {t.isrc && (
            <span className="chip mono" title="International Standard Recording Code" data-field="isrc">
              ISRC {t.isrc}
            </span>
          )}
          {state.level && <span className="chip" data-field="level">{LEVEL_TEXT[state.level]}</span>}
        </div>
      </div>
    </header>
  );
}
