/**
 * "Resolve this track": context menu items (a music link, selected text, a music page) and the
 * keyboard shortcut, both opening the track view on a new resolve session.
 */
import { browser, type Browser } from 'wxt/browser';
import { MUSIC_URL_PATTERNS } from '../../shared/music-link.js';
import type { PageTrackMeta } from '../../shared/protocol/track.js';
import { REPORT_REQUEST } from '../messages.js';
import type { Background } from './app.js';
import { resolveTarget, type ResolveClick } from './resolve-input.js';
import { openTrackView, watchTrackWindow } from './track-window.js';

const RESOLVE_MENU = { link: 'resolve-track-link', selection: 'resolve-track-text', page: 'resolve-track-page' } as const;
/** The manifest `commands` entry (Alt+Shift+R by default). */
const RESOLVE_COMMAND = 'resolve-track';
const TITLE = 'Resolve this track';
const MENU_IDS = new Set<string | number>(Object.values(RESOLVE_MENU));

function createResolveMenus(): void {
  // Links only to the sites the resolver knows; any selection; only music sites' own pages.
  browser.contextMenus.create({ id: RESOLVE_MENU.link, title: TITLE, contexts: ['link'], targetUrlPatterns: MUSIC_URL_PATTERNS });
  browser.contextMenus.create({ id: RESOLVE_MENU.selection, title: `${TITLE}: “%s”`, contexts: ['selection'] });
  browser.contextMenus.create({ id: RESOLVE_MENU.page, title: TITLE, contexts: ['page'], documentUrlPatterns: MUSIC_URL_PATTERNS });
}

/** The tab's track metadata from its content script; asks for a fresh report when there is none yet. */
async function pageTrack(bg: Background, tabId: number | undefined, pageUrl: string | undefined, waitMs = 600): Promise<PageTrackMeta | null> {
  if (tabId == null || tabId < 0) return null;
  const current = () => {
    const r = bg.sessions.get(tabId).report;
    return r && (!pageUrl || r.pageUrl === pageUrl) ? r : null;
  };
  if (current()) return current()?.track ?? null;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, waitMs);
    const off = bg.sessions.onChange((t) => t === tabId && current() && done());
    function done() {
      clearTimeout(timer);
      off();
      resolve();
    }
    void browser.tabs.sendMessage(tabId, REPORT_REQUEST).catch(done);
  });
  return current()?.track ?? null;
}

/** The handler behind the menu items and the shortcut (exported for tests). Resolves to the session id. */
async function resolveThisTrack(bg: Background, click: ResolveClick, tab?: Browser.tabs.Tab): Promise<string | null> {
  const isPage = !click.linkUrl && !click.selectionText;
  const meta = isPage ? await pageTrack(bg, tab?.id, click.pageUrl ?? tab?.url) : null;
  const target = resolveTarget({ ...click, pageUrl: click.pageUrl ?? tab?.url }, meta);
  if (!target) return null;
  const s = bg.tracks.start(target);
  await openTrackView(s.id);
  return s.id;
}

export function listenResolveMenu(bg: Background): void {
  browser.runtime.onInstalled.addListener(() => {
    // onInstalled also fires on update: drop our old items so create() does not fail on duplicate ids.
    void Promise.all(Object.values(RESOLVE_MENU).map((id) => browser.contextMenus.remove(id).catch(() => undefined))).then(createResolveMenus);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (!MENU_IDS.has(info.menuItemId)) return;
    void resolveThisTrack(bg, { ...(info.linkUrl ? { linkUrl: info.linkUrl } : {}), ...(info.selectionText ? { selectionText: info.selectionText } : {}), ...(info.pageUrl ? { pageUrl: info.pageUrl } : {}) }, tab);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== RESOLVE_COMMAND) return;
    void (async () => {
      const active = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      await resolveThisTrack(bg, active?.url ? { pageUrl: active.url } : {}, active);
    })();
  });
  watchTrackWindow();
}
