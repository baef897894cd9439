import type { JobInfo } from '../../shared/protocol/index.js';
import { formatEta, formatSpeed } from './format.js';
import { describeError } from '../error-text.js';
import { baseName } from '../file-url.js';
import { presetName } from '../../shared/presets.js';

export interface JobProgressProps {
  job: JobInfo;
  onCancel: (jobId: string) => void;
  onReveal: (path: string) => void;
  onDismiss: () => void;
}

/** A job's live state: progress bar with percent, speed, ETA and cancel; then done / failed / cancelled. */
export function JobProgress({ job, onCancel, onReveal, onDismiss }: JobProgressProps) {
  const p = job.progress;
  const percent = p?.percent ?? null;
  if (job.status === 'queued' || job.status === 'running') {
    const label = job.status === 'queued' ? 'Waiting to start…' : percent == null ? 'Downloading…' : `${percent.toFixed(0)}%`;
    return (
      <section className="job" data-status={job.status} aria-live="polite">
        <div className="job-head">
          <span className="job-title">{job.preset ? `Saving as ${presetName(job.preset)}` : 'Saving'}</span>
          <span className="job-percent">{label}</span>
        </div>
        <div
          className={`bar${percent == null ? ' indeterminate' : ''}`}
          role="progressbar"
          aria-label="Download progress"
          aria-valuemin={0}
          aria-valuemax={100}
          {...(percent == null ? {} : { 'aria-valuenow': Math.round(percent) })}
        >
          <div className="bar-fill" style={{ width: `${percent ?? 30}%` }} />
        </div>
        <div className="job-foot">
          <span className="job-stats">{[formatSpeed(p?.speed), formatEta(p?.etaSec)].filter(Boolean).join(' · ')}</span>
          <button type="button" className="ghost" onClick={() => onCancel(job.id)}>
            Cancel
          </button>
        </div>
      </section>
    );
  }
  if (job.status === 'done') {
    return (
      <section className="job done" data-status="done" aria-live="polite">
        <p className="job-title">
          <span className="check" aria-hidden="true">✓</span> Saved <strong>{job.path ? baseName(job.path) : ''}</strong>
        </p>
        {job.path && <p className="path" title={job.path}>{job.path}</p>}
        <div className="row">
          {job.path && (
            <button type="button" className="primary" onClick={() => onReveal(job.path!)}>
              Show in folder
            </button>
          )}
          <button type="button" className="ghost" onClick={onDismiss}>
            Download another
          </button>
        </div>
      </section>
    );
  }
  const cancelled = job.status === 'cancelled' || job.error?.code === 'job.cancelled';
  return (
    <section className={`job ${cancelled ? 'cancelled' : 'failed'}`} data-status={job.status} role={cancelled ? undefined : 'alert'}>
      <p className="job-title">{cancelled ? 'Download cancelled' : 'Download failed'}</p>
      {!cancelled && job.error && <p className="error-text">{describeError(job.error)}</p>}
      <button type="button" className="ghost" onClick={onDismiss}>
        {cancelled ? 'Back' : 'Try again'}
      </button>
    </section>
  );
}
