import type { JobInfo, PresetId } from '../../shared/protocol/index.js';
import { AUDIO_PRESETS } from '../../shared/presets.js';
import { TRACK_PRESETS } from '../track-messages.js';
import { JobProgress } from './JobProgress.js';

export interface TrackDownloadsProps {
  job: JobInfo | null;
  disabled: boolean;
  onDownload(preset: PresetId): void;
  onCancel(jobId: string): void;
  onReveal(path: string): void;
  onDismiss(): void;
}

/** One click per format, tagged with the official metadata and cover; then the job's progress. */
export function TrackDownloads({ job, disabled, onDownload, onCancel, onReveal, onDismiss }: TrackDownloadsProps) {
  if (job) return <JobProgress job={job} onCancel={onCancel} onReveal={onReveal} onDismiss={onDismiss} />;
  return (
    <section className="formats" aria-label="Download">
      <span className="section-label">Download with official tags</span>
      <div className="format-row">
        {TRACK_PRESETS.map((id) => (
          <button key={id} type="button" className={id === 'mp3-320' ? 'primary format' : 'ghost format'} data-preset={id} disabled={disabled} onClick={() => onDownload(id)}>
            <span className="format-name">{AUDIO_PRESETS[id].button.name}</span>
            <span className="format-detail">{AUDIO_PRESETS[id].button.detail}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
