/**
 * Asks the host to probe a tab's best source, falling back to the next source when yt-dlp cannot
 * use one (e.g. the page URL of a site it has no extractor for, where the <video> src works).
 */
import type { BrowserCookie } from '../../shared/protocol/index.js';
import type { HostClient } from '../host/client.js';
import { asErrorPayload } from '../host/errors.js';
import type { SniffStore } from '../detect/network-sniff.js';
import { probeCandidates, shouldTryNext } from './candidates.js';
import type { Session, Sessions } from './sessions.js';

/** At most this many sources are probed automatically per page view (each runs yt-dlp). */
const MAX_AUTO_PROBES = 4;

export class Prober {
  constructor(
    private readonly client: Pick<HostClient, 'request'>,
    private readonly sessions: Sessions,
    private readonly sniff: SniffStore,
    /** The site's cookies for a signed-in session (site-cookies.ts); none by default. */
    private readonly cookiesFor: (url: string) => Promise<BrowserCookie[] | undefined> = async () => undefined,
  ) {}

  sources(s: Session) {
    return probeCandidates(s.report?.items ?? [], this.sniff.get(s.tabId));
  }

  /** Starts a probe when none succeeded or runs yet, retrying after host trouble. */
  ensure(tabId: number): void {
    const s = this.sessions.get(tabId);
    const { status, error, url } = s.probe;
    if (status === 'loading' || status === 'ok') return;
    // Host missing / disconnected / timed out: not the source's fault, so the same source may be retried.
    if (status === 'error' && url && error && !shouldTryNext(error.code)) s.tried.delete(url);
    if (s.tried.size >= MAX_AUTO_PROBES) return;
    const next = this.sources(s).find((c) => !s.tried.has(c.url));
    if (next) void this.run(s, next.url, true);
  }

  /** The user picked a source (or pressed retry). */
  select(tabId: number, url?: string, signedIn?: boolean): void {
    const s = this.sessions.get(tabId);
    const target = url ?? s.probe.url;
    if (!target) return this.ensure(tabId);
    if (signedIn) s.signedIn = true;
    void this.run(s, target, false);
  }

  private async run(s: Session, url: string, auto: boolean): Promise<void> {
    s.tried.add(url);
    s.probe = { status: 'loading', url };
    this.sessions.changed(s.tabId);
    try {
      const cookies = s.signedIn ? await this.cookiesFor(url) : undefined;
      const result = await this.client.request('probe', { url, ...(cookies?.length ? { cookies } : {}) });
      if (!this.sessions.isCurrent(s) || s.probe.url !== url) return;
      s.probe = { status: 'ok', url, result };
    } catch (e) {
      if (!this.sessions.isCurrent(s) || s.probe.url !== url) return;
      const error = asErrorPayload(e);
      s.probe = { status: 'error', url, error };
      if (auto && shouldTryNext(error.code) && s.tried.size < MAX_AUTO_PROBES && this.sources(s).some((c) => !s.tried.has(c.url))) {
        return this.ensure(s.tabId);
      }
    }
    this.sessions.changed(s.tabId);
  }
}
