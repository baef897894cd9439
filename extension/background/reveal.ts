/**
 * "Show in folder": the host opens the system file manager (extensions cannot: Firefox refuses
 * file:// tabs from extensions, and a folder listing tab was never the file manager). A failure
 * is shown as a notification, since the popup that asked may already be closed.
 */
import { browser } from 'wxt/browser';
import type { HostClient } from '../host/client.js';
import { asErrorPayload } from '../host/errors.js';
import { describeError } from '../../shared/error-text.js';

export async function revealPath(client: Pick<HostClient, 'request'>, path: string): Promise<boolean> {
  try {
    await client.request('reveal', { path });
    return true;
  } catch (e) {
    const iconUrl = browser.runtime.getURL('/icon/128.png');
    await browser.notifications
      .create(`nexstream-reveal:${Date.now()}`, { type: 'basic', iconUrl, title: 'Cannot show the file', message: describeError(asErrorPayload(e)) })
      .catch(() => undefined);
    return false;
  }
}
