/**
 * Tab lifecycle for the popup: page reports, sniffed requests, navigation, closing, popups opening
 * and closing; and the state a tab's popup renders. The per-tab data itself lives in Sessions.
 */
import { browser } from 'wxt/browser';
import type { JobInfo } from '../../shared/protocol/index.js';
import { countMedia } from '../detect/index.js';
import type { SniffStore } from '../detect/network-sniff.js';
import type { PageReport } from '../detect/types.js';
import type { HostClient } from '../host/client.js';
import { REPORT_REQUEST, type PopupState } from '../messages.js';
import { loadOptions } from '../options-item.js';
import { setBadge } from './badge.js';
import type { JobStore } from './jobs.js';
import type { Prober } from './prober.js';
import type { Sessions } from './sessions.js';
import { popupState } from './view.js';
import type { BatchStore } from './batches.js';

export type TabSessions = ReturnType<typeof createTabSessions>;

export function createTabSessions(deps: { client: HostClient; sessions: Sessions; sniff: SniffStore; jobs: JobStore; prober: Prober; batches?: BatchStore }) {
  const { client, sessions, sniff, jobs, prober, batches } = deps;
  let openPopups = 0;
  const tabTitles = new Map<number, string>();

  const updateBadge = (tabId: number): void => {
    void loadOptions().then((o) => setBadge(tabId, o.badge ? countMedia(prober.sources(sessions.get(tabId))) : 0));
  };

  /** The tab's own job while it is about this page, else the newest job for any of the page's sources. */
  const jobFor = (tabId: number): JobInfo | null => {
    const s = sessions.get(tabId);
    const own = s.jobId ? jobs.get(s.jobId) : undefined;
    if (own && own.url && (s.tried.has(own.url) || own.url === s.pageUrl)) return own;
    return jobs.latestFor(prober.sources(s).map((c) => c.url)) ?? null;
  };

  return {
    /** Something needs the host port open (the port, and so the worker and the host's jobs, stay alive only then). */
    get popupsOpen(): boolean {
      return openPopups > 0;
    },

    jobFor,

    stateFor(tabId: number): PopupState {
      const s = sessions.get(tabId);
      const job = jobFor(tabId);
      const own = job && batches?.owns(job.id) ? null : job;
      return popupState(s, prober.sources(s), client.state, own, tabTitles.get(tabId), s.batchId && batches ? batches.get(s.batchId) : null);
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
  };
}
