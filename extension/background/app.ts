/**
 * The background's services, built once per service-worker start and wired together here: the host
 * client, tab sessions, sniffed requests, jobs, "Resolve this track", and the commands the popup and
 * options page send. The work lives in the modules named below.
 */
import type { ConfigPatch, Event } from '../../shared/protocol/index.js';
import { SniffStore } from '../detect/network-sniff.js';
import { HostClient } from '../host/client.js';
import { connectNative } from '../host/connect-native.js';
import { asErrorPayload } from '../host/errors.js';
import type { MessageReply } from '../messages.js';
import { loadOptions } from '../options-item.js';
import { siteCookies } from './site-cookies.js';
import { JobStore } from './jobs.js';
import { BatchStore } from './batches.js';
import { notifyJob } from './notify.js';
import { runPopupCommand, type PopupCommand } from './popup-commands.js';
import { Prober } from './prober.js';
import { Sessions } from './sessions.js';
import { createTabSessions } from './tab-sessions.js';
import { createTrackService } from './track-service.js';
import { createAlbumService } from './album-service.js';

export type Background = ReturnType<typeof createBackground>;

export function createBackground() {
  const sessions = new Sessions();
  const sniff = new SniffStore();
  const jobs = new JobStore();
  const batches = new BatchStore();
  // Keep the port (and so the worker and the host's jobs) alive only while something needs it.
  // `tabs` is assigned below; the client only asks after a disconnect, long after this function returned.
  const client: HostClient = new HostClient({ connect: connectNative, shouldReconnect: () => jobs.hasActive() || tabs.popupsOpen });
  const prober = new Prober(client, sessions, sniff, siteCookies);
  const tabs = createTabSessions({ client, sessions, sniff, jobs, prober, batches });

  client.onEvent((e: Event) => {
    jobs.apply(e);
    batches.apply(e);
  });
  // A batch event re-renders the popups of the tabs that started it.
  batches.onChange((id) => sessions.forEach((s) => s.batchId === id && sessions.changed(s.tabId)));
  client.onState((s) => {
    // A fresh host process knows only its own jobs: resync so dead ones stop showing progress.
    if (s.status === 'ready') void client.request('jobs.list', {}).then((r) => jobs.sync(r.jobs)).catch(() => undefined);
  });
  jobs.onChange((job, event) => {
    if (event === 'job.done' || event === 'job.failed') {
      void loadOptions().then((o) => o.notify && notifyJob(job));
    }
  });

  return {
    client,
    sessions,
    jobs,
    sniff,
    /** "Resolve this track" sessions and the track view's commands. */
    tracks: createTrackService(client, jobs),
    /** "Resolve this album / playlist" sessions and the album window's commands. */
    albums: createAlbumService(client),
    stateFor: tabs.stateFor,
    pageReport: tabs.pageReport,
    sniffed: tabs.sniffed,
    navigated: tabs.navigated,
    tabClosed: tabs.tabClosed,
    popupOpened: tabs.popupOpened,
    popupClosed: tabs.popupClosed,

    command(tabId: number, msg: PopupCommand): void {
      runPopupCommand({ tabId, client, jobs, sessions, prober, tabs }, msg);
    },

    async configReset(): Promise<MessageReply> {
      try {
        return { ok: true, result: await client.request('config.reset', {}) };
      } catch (e) {
        return { ok: false, error: asErrorPayload(e) };
      }
    },

    /** The options page's config.get / config.set, proxied to the host. */
    async config(patch?: ConfigPatch): Promise<MessageReply> {
      try {
        const result = patch ? await client.request('config.set', { patch }) : await client.request('config.get', {});
        return { ok: true, result };
      } catch (e) {
        return { ok: false, error: asErrorPayload(e) };
      }
    },
  };
}
