/** Notifications for finished and failed jobs; clicking a finished one opens its folder. */
import { browser } from 'wxt/browser';
import type { JobInfo } from '../../shared/protocol/index.js';
import { describeError } from '../error-text.js';
import { baseName, folderFileUrl } from '../file-url.js';

const PREFIX = 'nexstream-job:';
const paths = new Map<string, string>();

export function notifyJob(job: JobInfo): void {
  const id = PREFIX + job.id;
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  if (job.status === 'done' && job.path) {
    paths.set(id, job.path);
    void browser.notifications.create(id, { type: 'basic', iconUrl, title: 'Download finished', message: `${baseName(job.path)}\nClick to show it in its folder.` });
  } else if (job.status === 'failed') {
    const why = job.error ? describeError(job.error) : 'Unknown error';
    void browser.notifications.create(id, { type: 'basic', iconUrl, title: `Download failed: ${job.title ?? job.url}`, message: why });
  }
}

/** Opens the folder of a finished file in a tab (the browser's own file listing). */
export function revealPath(path: string): void {
  void browser.tabs.create({ url: folderFileUrl(path) });
}

export function listenNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    const path = paths.get(id);
    if (path) revealPath(path);
    void browser.notifications.clear(id);
  });
}
