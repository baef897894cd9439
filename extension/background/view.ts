/** Builds what the popup renders from the background's state (pure, so it is unit-tested). */
import type { JobInfo } from '../../shared/protocol/index.js';
import { countMedia } from '../detect/index.js';
import type { MediaItem } from '../detect/types.js';
import type { HostState } from '../host/client.js';
import type { PopupState } from '../messages.js';
import type { Session } from './sessions.js';

export function popupState(s: Session, sources: MediaItem[], host: HostState, job: JobInfo | null, tabTitle?: string, batch: PopupState['batch'] = null): PopupState {
  const meta = s.report?.meta ?? {};
  const pageUrl = s.report?.pageUrl ?? s.pageUrl;
  const title = meta.title ?? tabTitle;
  return {
    tabId: s.tabId,
    page: pageUrl ? { ...meta, ...(title ? { title } : {}), pageUrl } : null,
    mediaCount: countMedia(sources),
    sources,
    host: { status: host.status, ...(host.version ? { version: host.version } : {}), ...(host.error ? { error: host.error } : {}), ...(host.registry ? { registry: host.registry } : {}) },
    probe: { ...s.probe },
    job,
    batch,
    ...(s.recent && { recent: s.recent }),
  };
}
