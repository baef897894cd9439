/** The popup on a live stream: "Live now" and "Record from now" (any quality), then the recording with Stop and Cancel. */
import type { JobInfo, PresetId, PresetOption } from '../../shared/protocol/index.js';
import { presetName } from '../../shared/presets.js';
import { formatBytes, formatDuration } from './format.js';
import { orderPresets, presetText } from './presets.js';
import { LiveNote } from './LiveNote.js';

export interface LiveCardProps {
  presets: readonly PresetOption[];
  value: PresetId | null;
  onChange: (id: PresetId) => void;
  onRecord: (id: PresetId) => void;
}

/** A live source has no end to download to: it is recorded from now until Stop or the stream's end. */
export function LiveCard({ presets, value, onChange, onRecord }: LiveCardProps) {
  const { video, audio } = orderPresets(presets);
  return (
    <form
      className="picker live-card"
      aria-label="Record live stream"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onRecord(value);
      }}
    >
      <p className="live-badge" role="status" data-live="is_live">
        <span className="live-dot" aria-hidden="true" /> Live now
      </p>
      <p className="live-help">Records from now until you press Stop or the stream ends; the file is then finished and kept.</p>
      <div className="groups">
        {[...video, ...audio].map((p) => {
          const { primary, detail } = presetText(p);
          return (
            <label key={p.id} className={`option${p.id === value ? ' selected' : ''}`} data-preset={p.id}>
              <input type="radio" name="preset" value={p.id} checked={p.id === value} onChange={() => onChange(p.id)} />
              <span className="option-label">{primary}</span>
              <span className="option-detail">{detail}</span>
              <span className="option-size" />
            </label>
          );
        })}
      </div>
      <button type="submit" className="primary record" disabled={!value}>
        ● Record from now
      </button>
    </form>
  );
}

export interface RecordingProgressProps {
  job: JobInfo;
  onStop: (jobId: string) => void;
  onCancel: (jobId: string) => void;
}

/** A running recording: time recorded and size so far; Stop keeps the file, Cancel keeps nothing. */
export function RecordingProgress({ job, onStop, onCancel }: RecordingProgressProps) {
  const p = job.progress;
  const recorded = p?.outTimeSec ?? null;
  const started = job.status === 'running' && recorded !== null;
  return (
    <section className="job recording" data-status={job.status} aria-live="polite">
      <div className="job-head">
        <span className="job-title">
          <span className="live-dot" aria-hidden="true" /> {started ? 'Recording' : 'Starting the recording…'}
          {job.preset ? ` as ${presetName(job.preset)}` : ''}
        </span>
        <span className="job-elapsed" data-sec={recorded ?? 0}>
          {formatDuration(recorded ?? 0)}
        </span>
      </div>
      <div className="bar indeterminate" role="progressbar" aria-label="Recording">
        <div className="bar-fill" style={{ width: '30%' }} />
      </div>
      <div className="job-foot">
        <span className="job-stats job-bytes">{p?.bytes ? formatBytes(p.bytes) : ''}</span>
        <span className="row">
          <button type="button" className="primary stop" onClick={() => onStop(job.id)}>
            ■ Stop
          </button>
          <button type="button" className="ghost" onClick={() => onCancel(job.id)}>
            Cancel
          </button>
        </span>
      </div>
    </section>
  );
}

/** An event or premiere that has not started: nothing to download or record yet, only a way to look again. */
export function UpcomingCard({ onRetry }: { onRetry: () => void }) {
  return (
    <section className="live-card upcoming">
      <LiveNote live="is_upcoming" />
      <button type="button" className="ghost" onClick={onRetry}>
        Check again
      </button>
    </section>
  );
}
