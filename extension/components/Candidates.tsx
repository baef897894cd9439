import { useState, type FormEvent } from 'react';
import type { ResolveResult } from '../../shared/protocol/track.js';
import { formatDuration } from './format.js';
import { youtubeUrl } from './track-view.js';

export interface CandidatesProps {
  candidates: ResolveResult['candidates'];
  currentUrl: string | null;
  /** Open from the start (no confident match: the list is the answer). */
  open: boolean;
  overrideStatus: 'idle' | 'saving' | 'saved' | 'failed';
  onPick(videoUrl: string): void;
}

/** "Not this one?": other candidates, best first, and a field for a YouTube link of your own. */
export function Candidates({ candidates, currentUrl, open, overrideStatus, onPick }: CandidatesProps) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const others = candidates.filter((c) => c.url !== currentUrl);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const url = youtubeUrl(text);
    setInvalid(!url);
    if (url) onPick(url);
  };
  const body = (
    <>
      {others.length > 0 && (
        <ul className="candidates" aria-label="Other candidates">
          {others.map((c) => (
            <li key={c.id}>
              <button type="button" className="candidate" onClick={() => onPick(c.url)} data-candidate={c.id}>
                <span className="candidate-title">{c.title}</span>
                <span className="candidate-meta">{[c.channel, formatDuration(c.durationSec), `score ${c.score.toFixed(2)}`].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="paste" onSubmit={submit}>
        <label htmlFor="paste-url">Or paste a YouTube link</label>
        <div className="row">
          <input id="paste-url" type="url" inputMode="url" placeholder="https://www.youtube.com/watch?v=…" value={text} aria-invalid={invalid} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="ghost">
            Use
          </button>
        </div>
        {invalid && <p className="error-text">That is not a YouTube video link.</p>}
      </form>
      {overrideStatus === 'saved' && <p className="hint" role="status">Saved: this source wins next time.</p>}
      {overrideStatus === 'failed' && <p className="error-text">Could not save your pick; it is used for now.</p>}
    </>
  );
  if (open) return <section className="not-this card">{body}</section>;
  return (
    <details className="not-this">
      <summary>Not this one?</summary>
      {body}
    </details>
  );
}
