/**
 * The background's services, built once per service-worker start: the host client, tab sessions,
 * sniffed requests, jobs, and the commands the popup and options page send.
 */
import { browser } from 'wxt/browser';
import type { ConfigPatch, Event, JobInfo } from '../../shared/protocol/index.js';
import { countMedia } from '../detect/index.js';
import { SniffStore } from '../detect/network-sniff.js';
import { HostClient } from '../host/client.js';
import { connectNative } from '../host/connect-native.js';
import { asErrorPayload } from '../host/errors.js';
import { REPORT_REQUEST, type FromPopup, type MessageReply, type PopupState } from '../messages.js';
import { loadOptions } from '../options-item.js';
import type { PageReport } from '../detect/types.js';
import { setBadge } from './badge.js';
import { startDownload } from './download.js';
import { siteCookies } from './site-cookies.js';
import { JobStore } from './jobs.js';
import { notifyJob, revealPath } from './notify.js';
import { Prober } from './prober.js';
import { Sessions } from './sessions.js';
import { createTrackService } from './track-service.js';
import { popupState } from './view.js';

export type Background = ReturnType<typeof createBackground>;

export function createBackground() {
  const sessions = new Sessions();
  const sniff = new SniffStore();
  const jobs = new JobStore();
  let openPopups = 0;
  const tabTitles = new Map<number, string>();
  // Keep the port (and so the worker and the host's jobs) alive only while something needs it.
  const client = new HostClient({ connect: connectNative, shouldReconnect: () => jobs.hasActive() || openPopups > 0 });
  const prober = new Prober(client, sessions, sniff, siteCookies);

  client.onEvent((e: Event) => jobs.apply(e));
  client.onState((s) => {
    // A fresh host process knows only its own jobs: resync so dead ones stop showing progress.
    if (s.status === 'ready') void client.request('jobs.list', {}).then((r) => jobs.sync(r.jobs)).catch(() => undefined);
  });
  jobs.onChange((job, event) => {
    if (event === 'job.done' || event === 'job.failed') {
      void loadOptions().then((o) => o.notify && notifyJob(job));
    }
  });

  const updateBadge = (tabId: number): void => {
    void loadOptions().then((o) => setBadge(tabId, o.badge ? countMedia(prober.sources(sessions.get(tabId))) : 0));
  };

  const jobFor = (tabId: number): JobInfo | null => {
    const s = sessions.get(tabId);
    const own = s.jobId ? jobs.get(s.jobId) : undefined;
    if (own && own.url && (s.tried.has(own.url) || own.url === s.pageUrl)) return own;
    return jobs.latestFor(prober.sources(s).map((c) => c.url)) ?? null;
  };

  return {
    client,
    sessions,
    jobs,
    sniff,
    /** "Resolve this track" sessions and the track view's commands. */
    tracks: createTrackService(client, jobs),

    stateFor(tabId: number): PopupState {
      const s = sessions.get(tabId);
      return popupState(s, prober.sources(s), client.state, jobFor(tabId), tabTitles.get(tabId));
    },

    pageReport(tabId: number, report: PageReport): void {
      const s = sessions.setReport(tabId, report);
      updateBadge(tabId);
      // A video added after load while the popup is open: give it a chance if earlier sources failed.
      if (openPopups > 0 && s.probe.status === 'error') prober.ensure(tabId);
    },

    sniffed(tabId: number, item: Parameters<SniffStore['add']>[1]): void {
      if (!sniff.add(tabId, item)) return;
      updateBadge(tabId);
      sessions.changed(tabId);
    },

    navigated(tabId: number, url: string | null): void {
      sniff.clear(tabId);
      sessions.reset(tabId, url);
      updateBadge(tabId);
    },

    tabClosed(tabId: number): void {
      sniff.clear(tabId);
      sessions.remove(tabId);
      tabTitles.delete(tabId);
    },

    popupOpened(tabId: number): void {
      openPopups++;
      const s = sessions.get(tabId);
      void browser.tabs.get(tabId).then(
        (tab) => {
          if (tab.title) tabTitles.set(tabId, tab.title);
          if (!s.pageUrl && tab.url) s.pageUrl = tab.url;
          sessions.changed(tabId);
        },
        () => undefined,
      );
      // A tab opened before the extension loaded has no content script: inject it, then it reports.
      if (!s.report) {
        void browser.tabs.sendMessage(tabId, REPORT_REQUEST).catch(() =>
          browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] }).catch(() => undefined),
        );
      }
      prober.ensure(tabId);
    },

    popupClosed(): void {
      openPopups = Math.max(0, openPopups - 1);
    },

    command(tabId: number, msg: Exclude<FromPopup, { type: 'subscribe' }>): void {
      const s = sessions.get(tabId);
      switch (msg.type) {
        case 'probe':
          return prober.select(tabId, msg.url, msg.signedIn);
        case 'download':
          return startDownload(client, jobs, s, msg.preset, msg.subs, siteCookies);
        case 'cancel':
          void client.request('cancel', { jobId: msg.jobId }).catch(() => undefined);
          return;
        case 'reveal':
          return revealPath(msg.path);
        case 'dismiss': {
          const job = jobFor(tabId);
          if (job && job.status !== 'queued' && job.status !== 'running') jobs.dismiss(job.id);
          s.jobId = null;
          sessions.changed(tabId);
          return;
        }
      }
    },

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
