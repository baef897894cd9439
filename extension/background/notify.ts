/** Notifications for finished and failed jobs; clicking a finished one shows it in its folder. */
import { browser } from 'wxt/browser';
import type { HostClient } from '../host/client.js';
import type { JobInfo } from '../../shared/protocol/index.js';
import { describeError } from '../../shared/error-text.js';
import { baseName } from '../file-url.js';
import { revealPath } from './reveal.js';

const PREFIX = 'nexstream-job:';
const paths = new Map<string, string>();

export function notifyJob(job: JobInfo): void {
  const id = PREFIX + job.id;
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  if (job.status === 'done' && job.path) {
    paths.set(id, job.path);
    void browser.notifications.create(id, { type: 'basic', iconUrl, title: job.live ? 'Recording saved' : 'Download finished', message: `${baseName(job.path)}\nClick to show it in its folder.` });
  } else if (job.status === 'failed') {
    const why = job.error ? describeError(job.error) : 'Unknown error';
    void browser.notifications.create(id, { type: 'basic', iconUrl, title: `Download failed: ${job.title ?? job.url}`, message: why });
  }
}

export function listenNotificationClicks(client: HostClient): void {
  browser.notifications.onClicked.addListener((id) => {
    const path = paths.get(id);
    if (path) void revealPath(client, path);
    void browser.notifications.clear(id);
  });
}
