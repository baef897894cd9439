/** Starts a download of the tab's probed source and records the job, even when the host refuses it. */
import type { PresetId } from '../../shared/protocol/index.js';
import type { HostClient } from '../host/client.js';
import { asErrorPayload } from '../host/errors.js';
import type { JobStore } from './jobs.js';
import type { Session } from './sessions.js';

export function startDownload(client: Pick<HostClient, 'request'>, jobs: JobStore, s: Session, preset: PresetId): void {
  const url = s.probe.url;
  if (s.probe.status !== 'ok' || !url) return;
  const pageTitle = s.report?.meta.title;
  // A direct file has no title of its own worth keeping: name and tag it after the page.
  const tags = url !== s.pageUrl && pageTitle ? { title: pageTitle } : undefined;
  const title = s.probe.result?.title || pageTitle;
  const base = { kind: 'download' as const, url, preset, createdAt: Date.now(), ...(title ? { title } : {}) };
  void client
    .request('download', { url, preset, ...(title ? { title } : {}), ...(tags ? { tags } : {}) })
    .then(({ jobId }) => {
      s.jobId = jobId;
      // Events may have arrived before the reply: keep what they said.
      jobs.upsert(jobs.get(jobId) ?? { ...base, id: jobId, status: 'queued' });
    })
    .catch((e: unknown) => {
      // Shown like any failed job, so the popup says why.
      const id = `local-${Date.now()}`;
      s.jobId = id;
      jobs.upsert({ ...base, id, status: 'failed', error: asErrorPayload(e) });
    });
}
