/** Starts a download of the tab's probed source and records the job, even when the host refuses it. */
import type { PresetId } from '../../shared/protocol/index.js';
import type { HostClient } from '../host/client.js';
import type { JobStore } from './jobs.js';
import { submitDownload } from './submit-download.js';
import type { Session } from './sessions.js';

export function startDownload(client: Pick<HostClient, 'request'>, jobs: JobStore, s: Session, preset: PresetId): void {
  const url = s.probe.url;
  if (s.probe.status !== 'ok' || !url) return;
  const pageTitle = s.report?.meta.title;
  // A direct file has no title of its own worth keeping: name and tag it after the page.
  const tags = url !== s.pageUrl && pageTitle ? { title: pageTitle } : undefined;
  const title = s.probe.result?.title || pageTitle;
  void submitDownload(client, jobs, { url, preset, ...(title ? { title } : {}), ...(tags ? { tags } : {}) }, (jobId) => {
    s.jobId = jobId;
  });
}
