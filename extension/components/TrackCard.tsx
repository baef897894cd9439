import { useEffect } from 'react';
import type { PresetId } from '../../shared/protocol/index.js';
import type { TrackSessionView } from '../track-messages.js';
import { Candidates } from './Candidates.js';
import { MatchExplain } from './MatchExplain.js';
import { PreviewPlayer } from './PreviewPlayer.js';
import { HostMissing } from './StateCards.js';
import { TrackDownloads } from './TrackDownloads.js';
import { TrackHeader } from './TrackHeader.js';
import { NoMatch, TrackProblem } from './TrackStates.js';
import { trackViewKind } from './track-view.js';

export interface TrackActions {
  download(preset: PresetId): void;
  pick(videoUrl: string): void;
  cancel(jobId: string): void;
  reveal(path: string): void;
  dismiss(): void;
  retry(): void;
}

/** Marks the first paint with what is known about the track; the e2e reads it. */
const TRACK_FIRST_PAINT_MARK = 'nexstream:track-hydrated';

/** The track view: what is known, filling in as providers answer; the match and why; downloads; other candidates. */
export function TrackCard({ state, missing = false, actions }: { state: TrackSessionView | null; missing?: boolean; actions: TrackActions }) {
  const kind = trackViewKind(state, missing);
  const hasTitle = Boolean(state?.track.title);
  useEffect(() => {
    if (hasTitle && performance.getEntriesByName(TRACK_FIRST_PAINT_MARK).length === 0) performance.mark(TRACK_FIRST_PAINT_MARK);
  }, [hasTitle]);

  if (!state) {
    return (
      <main className="track-view" data-view={kind}>
        {kind === 'missing' ? <TrackProblem kind="missing" /> : <div className="skeleton cover-skeleton" aria-busy="true" aria-label="Loading" />}
      </main>
    );
  }
  const showCandidates = kind === 'matched' || kind === 'no-match';
  return (
    <main className="track-view" data-view={kind} data-status={state.status}>
      <TrackHeader state={state} />
      {state.track.previewUrl && <PreviewPlayer url={state.track.previewUrl} title={state.track.title} />}
      {kind === 'host-missing' && <HostMissing />}
      {(kind === 'collection' || kind === 'unsupported' || kind === 'error') && <TrackProblem kind={kind} error={state.error} onRetry={actions.retry} />}
      {kind === 'resolving' && (
        <p className="hint searching" role="status">
          Finding the best source{state.providers.length ? ` · ${state.providers.join(', ')} answered` : '…'}
        </p>
      )}
      {kind === 'no-match' && <NoMatch />}
      {state.match && <MatchExplain match={state.match} picked={state.picked} />}
      {state.match && (
        <TrackDownloads job={state.job} disabled={false} onDownload={actions.download} onCancel={actions.cancel} onReveal={actions.reveal} onDismiss={actions.dismiss} />
      )}
      {showCandidates && (
        <Candidates candidates={state.candidates} currentUrl={state.match?.url ?? null} open={kind === 'no-match'} overrideStatus={state.override.status} onPick={actions.pick} />
      )}
    </main>
  );
}
