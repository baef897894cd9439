/** Starts a download of the tab's probed source and records the job, even when the host refuses it. */
import type { BrowserCookie, PresetId } from '../../shared/protocol/index.js';
import type { HostClient } from '../host/client.js';
import type { JobStore } from './jobs.js';
import { submitDownload } from './submit-download.js';
import type { Session } from './sessions.js';

export function startDownload(
  client: Pick<HostClient, 'request'>,
  jobs: JobStore,
  s: Session,
  preset: PresetId,
  subs?: string[],
  cookiesFor: (url: string) => Promise<BrowserCookie[] | undefined> = async () => undefined,
  /** "Record from now" of a live stream. */
  live?: boolean,
): void {
  const url = s.probe.url;
  if (s.probe.status !== 'ok' || !url) return;
  const pageTitle = s.report?.meta.title;
  // A direct file has no title of its own worth keeping: name and tag it after the page.
  const tags = url !== s.pageUrl && pageTitle ? { title: pageTitle } : undefined;
  const title = s.probe.result?.title || pageTitle;
  // Only languages this probe offered: the host fails a job asked for one the source lacks.
  const offered = new Set(s.probe.result?.subtitles?.map((t) => t.lang));
  const chosen = subs?.filter((l) => offered.has(l)) ?? [];
  const params = { url, preset, ...(title ? { title } : {}), ...(tags ? { tags } : {}), ...(chosen.length ? { subs: chosen } : {}), ...(live ? { live: true } : {}) };
  // A signed-in page's job carries the site's cookies, read now (they may have changed since the probe).
  const send = (cookies?: BrowserCookie[]) =>
    void submitDownload(client, jobs, { ...params, ...(cookies?.length ? { cookies } : {}) }, (jobId) => {
      s.jobId = jobId;
    });
  if (!s.signedIn) return send();
  void cookiesFor(url).then(send, () => send());
}
