/** The album window: the album's tracks with their match, confidence and "Not this one?", then "Download album". */
import { useState } from 'react';
import { describeError } from '../../shared/error-text.js';
import type { AlbumView } from '../album-messages.js';

export interface AlbumCardProps {
  view: AlbumView | null;
  missing: boolean;
  download: (preset: string) => void;
  pick: (index: number, videoUrl: string) => void;
}

const AUDIO = ['mp3-320', 'm4a', 'opus', 'flac'] as const;
const mmss = (s: number | null) => (s == null ? '' : `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`);

export function AlbumCard({ view, missing, download, pick }: AlbumCardProps) {
  const [preset, setPreset] = useState<string>('mp3-320');
  const [open, setOpen] = useState<number | null>(null);
  if (missing) return <main className="track" data-status="missing"><p>This album lookup has expired. Use “Resolve this album / playlist” again.</p></main>;
  if (!view) return <main className="track" data-status="loading"><p>Loading…</p></main>;
  if (view.status === 'failed' && view.error) return <main className="track" data-status="failed"><p role="alert" data-field="error">{describeError(view.error)}</p></main>;
  const l = view.listing;
  const matched = view.tracks.filter((t) => t?.result?.match).length;
  return (
    <main className="track" data-status={view.status}>
      <header>
        {l?.coverUrl && <img src={l.coverUrl} alt="" width={96} height={96} />}
        <h1 data-field="title">{l?.title ?? 'Reading the track list…'}</h1>
        {l && <p data-field="artists">{l.compilation ? 'Various Artists' : l.artists.join(', ')} · {l.kind} · {view.entries.length} tracks{l.source === 'page' ? ' (read from the page)' : ''}</p>}
      </header>
      <ol className="album-tracks" style={{ listStyle: 'none', paddingLeft: 0 }}>
        {view.entries.map((e, i) => {
          const t = view.tracks[i];
          const m = t?.result?.match;
          return (
            <li key={i} data-track={i} data-status={!t ? 'resolving' : m ? 'matched' : 'none'}>
              <span data-field="position">{l && l.discTotal > 1 ? `${e.disc}-` : ''}{String(e.position).padStart(2, '0')}</span> <span data-field="track-title">{e.title}</span> <small>{e.artists.join(', ')} {mmss(e.durationSec)}</small>
              <div>
                {!t && <small>resolving…</small>}
                {t && m && (
                  <small data-field="match">
                    → {m.title} <span data-field="confidence">score {m.score.toFixed(2)}</span> {t.result?.verified && <span data-field="verified">verified</span>}
                  </small>
                )}
                {t && !m && <small data-field="no-match">{t.error ? describeError(t.error) : 'no confident match'}</small>}
                {t?.result && t.result.candidates.length > 0 && (
                  <button type="button" className="link" onClick={() => setOpen(open === i ? null : i)}>
                    Not this one?
                  </button>
                )}
                {open === i && (
                  <ul data-field="candidates">
                    {t?.result?.candidates.map((c) => (
                      <li key={c.url}>
                        <button type="button" onClick={() => (pick(i, c.url), setOpen(null))}>
                          {c.title} (score {c.score.toFixed(2)})
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <footer className="row">
        <select value={preset} onChange={(e) => setPreset(e.target.value)} aria-label="Format">
          {AUDIO.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <button type="button" className="primary" data-action="download-album" disabled={view.status !== 'done' || !matched || view.batch.status === 'sending'} onClick={() => download(preset)}>
          Download album ({matched} of {view.entries.length})
        </button>
      </footer>
      {view.batch.status === 'sent' && (
        <p role="status" data-field="batch-sent">
          Downloading as one batch.
        </p>
      )}
      {view.batch.status === 'failed' && view.batch.error && <p role="alert" data-field="batch-error">{describeError(view.batch.error)}</p>}
    </main>
  );
}
