import { useEffect, useState } from 'react';
import type { PresetId } from '../../shared/protocol/index.js';
import type { PopupState } from '../messages.js';
import { JobProgress } from './JobProgress.js';
import { HeaderSkeleton, PageHeader } from './PageHeader.js';
import { FIRST_META_MARK } from './page-header-dom.js';
import { defaultPreset } from './presets.js';
import { QualityPicker } from './QualityPicker.js';
import { SourcePicker } from './SourcePicker.js';
import { LiveNote } from './LiveNote.js';
import { LiveCard, RecordingProgress, UpcomingCard } from './LiveCard.js';
import { SubtitlePicker, useSubtitleChoice } from './SubtitlePicker.js';
import { SIGNIN_CODES, siteOrigin } from '../signin.js';
import { ErrorCard, HostMissing, HostOutdated, NoMedia, PickerSkeleton, RegistryNotice } from './StateCards.js';
import { BatchProgress } from './BatchProgress.js';
import { PlaylistPanel } from './PlaylistPanel.js';
import { RecentList } from './RecentList.js';

export interface PopupActions {
  /** `subs`: subtitle languages ticked in the picker (video presets). */
  download(preset: PresetId, subs?: string[]): void;
  cancel(jobId: string): void;
  /** "Record from now" of a live stream, and Stop (keeps the file; cancel keeps nothing). Optional: no live UI without them. */
  record?(preset: PresetId): void;
  stop?(jobId: string): void;
  reveal(path: string): void;
  dismiss(): void;
  probe(url?: string): void;
  /** Opt this site in to "Use my browser's sign-in" (asks for the cookies permission), then probe again signed in. */
  signIn?(origin: string): void;
  /** Playlist and Recent actions (optional: a popup without them shows no playlist UI). */
  batch?(preset: PresetId, indices: number[], indexPrefix: boolean): void;
  batchCancel?(jobId: string, index?: number): void;
  batchRetry?(jobId: string): void;
  batchDismiss?(): void;
  playlistMore?(): void;
  recent?(): void;
  downloadAgain?(url: string, preset: PresetId): void;
}

export type PopupView = 'loading' | 'host-missing' | 'host-outdated' | 'job' | 'picker' | 'probing' | 'no-media' | 'error';

/** Which body the popup shows for a state (pure; the header is independent and shows at once). */
export function popupView(state: PopupState | null): PopupView {
  if (!state) return 'loading';
  const { host, probe, job } = state;
  if (host.status === 'not_installed' || probe.error?.code === 'host.not_installed') return 'host-missing';
  if (host.status === 'mismatch' || probe.error?.code === 'protocol.version') return 'host-outdated';
  if (job) return 'job';
  if (probe.status === 'ok') return 'picker';
  if (probe.status === 'loading') return 'probing';
  if (probe.status === 'error' && SIGNIN_CODES.has(probe.error?.code ?? '')) return 'error';
  if (probe.status === 'error') return state.mediaCount === 0 && probe.error?.code.startsWith('media.') ? 'no-media' : 'error';
  return state.sources.length === 0 && state.page ? 'no-media' : 'probing';
}

/** The sign-in offer for a failure a site sign-in can fix (the site is the probed source's origin). */
function signInOffer(state: PopupState, actions: PopupActions): { site: string; onClick: () => void } | undefined {
  const origin = siteOrigin(state.probe.url);
  if (!origin || !actions.signIn || !SIGNIN_CODES.has(state.probe.error?.code ?? '')) return undefined;
  return { site: new URL(origin).host, onClick: () => actions.signIn?.(origin) };
}

export interface PopupProps {
  state: PopupState | null;
  /** The tab's own title and URL, known before the background answers: the header's first paint. */
  tab?: { url: string; title?: string } | null;
  actions: PopupActions;
  preferAudio?: boolean;
  /** Options page default: subtitle languages ticked when the source has them. */
  subtitleLangs?: string[];
}

export function Popup({ state, tab, actions, preferAudio = false, subtitleLangs = [] }: PopupProps) {
  const [preset, setPreset] = useState<PresetId | null>(null);
  const subtitles = state?.probe.result?.subtitles ?? [];
  const [subs, setSubs] = useSubtitleChoice(subtitles, subtitleLangs);
  const isVideo = state?.probe.result?.presets.find((p) => p.id === preset)?.kind === 'video';
  const presets = state?.probe.result?.presets;
  useEffect(() => {
    if (presets && (!preset || !presets.some((p) => p.id === preset))) setPreset(defaultPreset(presets, preferAudio));
  }, [presets, preset, preferAudio]);
  const page = state?.page ?? (tab ? { pageUrl: tab.url, ...(tab.title ? { title: tab.title } : {}) } : null);
  const hasPage = Boolean(page);
  useEffect(() => {
    if (hasPage && performance.getEntriesByName(FIRST_META_MARK).length === 0) performance.mark(FIRST_META_MARK);
  }, [hasPage]);

  const [mode, setMode] = useState<'video' | 'playlist'>('video');
  const [showRecent, setShowRecent] = useState(false);
  const playlist = state?.probe.result?.playlist;
  const batch = state?.batch;
  const view = popupView(state);
  // A live stream is recorded (LiveCard), an upcoming one has nothing to offer yet; anything else gets the picker.
  const live = state?.probe.result?.live;
  const liveCard = live === 'is_upcoming' ? 'upcoming' : live === 'is_live' && actions.record ? 'record' : null;
  return (
    <main className="popup" data-view={view}>
      {page ? <PageHeader page={page} mediaCount={state?.mediaCount ?? 0} /> : <HeaderSkeleton />}
      {state && state.sources.length > 1 && (view === 'picker' || view === 'error' || view === 'probing') && (
        <SourcePicker sources={state.sources} value={state.probe.url} onChange={(url) => actions.probe(url)} disabled={view === 'probing'} />
      )}
      {view === 'loading' && <PickerSkeleton />}
      {view === 'probing' && <PickerSkeleton />}
      {view === 'host-missing' && <HostMissing />}
      {view === 'host-outdated' && <HostOutdated error={state?.host.error ?? state?.probe.error} />}
      {view === 'no-media' && <NoMedia />}
      {view === 'error' && state?.probe.error && <ErrorCard error={state.probe.error} onRetry={() => actions.probe()} signIn={signInOffer(state, actions)} />}
      {batch && actions.batchCancel && (
        <BatchProgress batch={batch} onCancel={(i) => actions.batchCancel?.(batch.id, i)} onRetry={() => actions.batchRetry?.(batch.id)} onReveal={actions.reveal} onDismiss={() => actions.batchDismiss?.()} />
      )}
      {view === 'picker' && playlist && actions.batch && (
        <div className="mode-switch" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'video'} onClick={() => setMode('video')}>
            This video
          </button>
          <button type="button" role="tab" aria-selected={mode === 'playlist'} onClick={() => setMode('playlist')}>
            This playlist ({playlist.count ?? `${playlist.entries.length}+`} items)
          </button>
        </div>
      )}
      {view === 'picker' && playlist && mode === 'playlist' && actions.batch && (
        <PlaylistPanel playlist={playlist} presets={presets ?? []} defaultPreset={preset} onMore={() => actions.playlistMore?.()} onStart={(p, idx, prefix) => actions.batch?.(p, idx, prefix)} />
      )}
      {view === 'picker' && presets && liveCard === 'record' && actions.record && <LiveCard presets={presets} value={preset} onChange={setPreset} onRecord={actions.record} />}
      {view === 'picker' && liveCard === 'upcoming' && <UpcomingCard onRetry={() => actions.probe()} />}
      {view === 'picker' && presets && (mode === 'video' || !playlist || !actions.batch) && presets.length > 0 && !liveCard && (
        <>
          {state?.probe.result?.live && <LiveNote live={state.probe.result.live} />}
          {isVideo && subtitles.length > 0 && <SubtitlePicker tracks={subtitles} value={subs} onChange={setSubs} />}
          <QualityPicker presets={presets} value={preset} onChange={setPreset} onDownload={(id) => (isVideo && subs.length ? actions.download(id, subs) : actions.download(id))} />
        </>
      )}
      {view === 'job' && state?.job && (state.job.live && actions.stop && (state.job.status === 'running' || state.job.status === 'queued') ? <RecordingProgress job={state.job} onStop={actions.stop} onCancel={actions.cancel} /> : <JobProgress job={state.job} onCancel={actions.cancel} onReveal={actions.reveal} onDismiss={actions.dismiss} />)}
      <RegistryNotice registry={state?.host.registry} />
      {actions.recent && (
        <details
          className="recent-box"
          open={showRecent}
          onToggle={(e) => {
            const open = (e.target as HTMLDetailsElement).open;
            setShowRecent(open);
            if (open) actions.recent?.();
          }}
        >
          <summary>Recent</summary>
          {showRecent && <RecentList entries={state?.recent ?? []} onReveal={actions.reveal} onAgain={(u, p) => actions.downloadAgain?.(u, p)} />}
        </details>
      )}
    </main>
  );
}
