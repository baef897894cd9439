/** Per-tab state the popup renders: the page report, the probe, the tab's job. Emits on every change. */
import type { ErrorPayload, PlaylistInfo, ProbeResult, RecentEntry } from '../../shared/protocol/index.js';
import type { PageReport } from '../detect/types.js';

export interface Session {
  tabId: number;
  pageUrl: string | null;
  report: PageReport | null;
  probe: { status: 'idle' | 'loading' | 'ok' | 'error'; url?: string; result?: ProbeResult & { playlist?: PlaylistInfo }; error?: ErrorPayload };
  /** Source URLs already probed in this page view. */
  tried: Set<string>;
  /** The user chose "Use my browser's sign-in" on this page: its jobs carry the site's cookies. */
  signedIn?: boolean;
  jobId: string | null;
  /** The tab's batch ("This playlist"), kept across navigations like jobId. */
  batchId?: string | null;
  /** The host's Recent list, fetched when the popup asks. */
  recent?: RecentEntry[];
}

const withoutHash = (u: string): string => u.split('#')[0] ?? u;

export class Sessions {
  private readonly tabs = new Map<number, Session>();
  private readonly listeners = new Set<(tabId: number) => void>();

  get(tabId: number): Session {
    let s = this.tabs.get(tabId);
    if (!s) {
      s = { tabId, pageUrl: null, report: null, probe: { status: 'idle' }, tried: new Set(), jobId: null };
      this.tabs.set(tabId, s);
    }
    return s;
  }

  /** The tab navigated: forget the page; a new Session object lets in-flight probes see they are stale. */
  reset(tabId: number, pageUrl: string | null): Session {
    const prev = this.tabs.get(tabId);
    const s: Session = { tabId, pageUrl, report: null, probe: { status: 'idle' }, tried: new Set(), jobId: prev?.jobId ?? null, batchId: prev?.batchId ?? null, ...(prev?.recent && { recent: prev.recent }) };
    this.tabs.set(tabId, s);
    this.changed(tabId);
    return s;
  }

  setReport(tabId: number, report: PageReport): Session {
    let s = this.get(tabId);
    // An SPA navigation changes the URL without a page load: a new page as far as we care.
    if (s.pageUrl && withoutHash(s.pageUrl) !== withoutHash(report.pageUrl)) s = this.reset(tabId, report.pageUrl);
    s.pageUrl = report.pageUrl;
    s.report = report;
    this.changed(tabId);
    return s;
  }

  forEach(fn: (s: Session) => void): void {
    for (const s of this.tabs.values()) fn(s);
  }

  remove(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** Is `s` still the tab's current session (not replaced by a navigation)? */
  isCurrent(s: Session): boolean {
    return this.tabs.get(s.tabId) === s;
  }

  changed(tabId: number): void {
    for (const l of this.listeners) l(tabId);
  }

  onChange(listener: (tabId: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
