/** Sends a download request and records the job, even when the host refuses it (shown like any failed job). */
import type { HostClient, RequestParams } from '../host/client.js';
import { asErrorPayload } from '../host/errors.js';
import type { JobStore } from './jobs.js';

/**
 * `assign` gets the job id (the host's, or a local one for a refused request) before the job store
 * changes, so anything the store's listeners render already sees the session's job.
 */
export function submitDownload(client: Pick<HostClient, 'request'>, jobs: JobStore, params: RequestParams<'download'>, assign: (jobId: string) => void): Promise<void> {
  const base = { kind: 'download' as const, url: params.url, preset: params.preset, createdAt: Date.now(), ...(params.title ? { title: params.title } : {}), ...(params.live ? { live: true } : {}) };
  return client.request('download', params).then(
    ({ jobId }) => {
      assign(jobId);
      // Events may have arrived before the reply: keep what they said.
      jobs.upsert(jobs.get(jobId) ?? { ...base, id: jobId, status: 'queued' });
    },
    (e: unknown) => {
      const id = `local-${Date.now()}`;
      assign(id);
      jobs.upsert({ ...base, id, status: 'failed', error: asErrorPayload(e) });
    },
  );
}
