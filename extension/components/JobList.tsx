import type { JobInfo } from '../../shared/protocol/index.js';
import { useNow } from './useNow.js';

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

function jobElapsed(job: JobInfo, now: number): string {
  const start = job.startedAt ?? job.createdAt;
  return elapsed((job.finishedAt ?? now) - start);
}

interface Props {
  jobs: readonly JobInfo[];
  selected?: string;
  onSelect: (jobId: string | undefined) => void;
}

/** Jobs, newest first. Selecting one filters the log to it; selecting it again shows everything. */
export function JobList({ jobs, selected, onSelect }: Props) {
  const running = jobs.some((j) => j.status === 'running' || j.status === 'queued');
  const now = useNow(running);
  const sorted = [...jobs].sort((a, b) => b.createdAt - a.createdAt);
  if (sorted.length === 0) return <p className="jobs-empty">No jobs yet. Downloads, probes and resolves appear here.</p>;
  return (
    <table className="jobs" aria-label="Jobs">
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Kind</th>
          <th scope="col">Job</th>
          <th scope="col">Progress</th>
          <th scope="col">Elapsed</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((j) => {
          const pct = j.status === 'done' ? 100 : j.progress?.percent ?? null;
          const isSel = j.id === selected;
          const toggle = () => onSelect(isSel ? undefined : j.id);
          return (
            <tr
              key={j.id}
              className={`job status-${j.status}${isSel ? ' selected' : ''}`}
              aria-selected={isSel}
              tabIndex={0}
              data-job-id={j.id}
              onClick={toggle}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  toggle();
                }
              }}
            >
              <td>
                <span className={`badge status-${j.status}`}>{j.status}</span>
              </td>
              <td>{j.kind}{j.preset ? ` · ${j.preset}` : ''}</td>
              <td className="job-title" title={j.error ? `${j.error.code}: ${j.error.message}` : j.url}>
                {j.title ?? j.url}
                {j.error && <span className="job-error"> — {j.error.message}</span>}
              </td>
              <td className="job-progress">
                <progress max={100} value={pct ?? undefined} aria-label={`Progress of ${j.title ?? j.id}`} />
                <span className="pct">{pct === null ? '' : `${pct.toFixed(pct < 10 ? 1 : 0)}%`}</span>
              </td>
              <td className="job-elapsed">{jobElapsed(j, now)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
