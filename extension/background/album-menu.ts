/** "Resolve this album / playlist": context menu on album/playlist links and pages, opening the album window. */
import { browser } from 'wxt/browser';
import { COLLECTION_URL_PATTERNS, collectionLink } from '../../shared/collection-link.js';
import { z } from 'zod';
import { PageRow } from '../../shared/protocol/index.js';
import { readPlaylistRows } from '../detect/playlist-rows.js';
import type { Background } from './app.js';

const MENU = { link: 'resolve-album-link', page: 'resolve-album-page' } as const;
const TITLE = 'Resolve this album / playlist';
const SIZE = { width: 560, height: 760 };

export const albumViewUrl = (id: string): string => browser.runtime.getURL(`/album.html?session=${encodeURIComponent(id)}`);

function createMenus(): void {
  browser.contextMenus.create({ id: MENU.link, title: TITLE, contexts: ['link'], targetUrlPatterns: COLLECTION_URL_PATTERNS });
  browser.contextMenus.create({ id: MENU.page, title: TITLE, contexts: ['page'], documentUrlPatterns: COLLECTION_URL_PATTERNS });
}

const PageRows = z.object({ title: z.string().max(1000).nullable(), rows: z.array(PageRow).max(2000) });

/** The rows of the playlist page itself (hostile input: validated); undefined when none are readable. */
async function pageRows(tabId: number | undefined): Promise<z.infer<typeof PageRows> | undefined> {
  if (tabId == null || tabId < 0) return undefined;
  const [res] = await browser.scripting.executeScript({ target: { tabId }, func: readPlaylistRows }).catch(() => []);
  const parsed = PageRows.safeParse(res?.result);
  if (!parsed.success) return undefined;
  // Rows that fail on their own (an empty title) are dropped, not the whole page.
  return parsed.data.rows.length ? parsed.data : undefined;
}

/** Starts the album resolve and opens its window; null when the URL is not an album or playlist. */
export async function resolveThisAlbum(bg: Background, url: string | undefined, pageTabId?: number): Promise<string | null> {
  const link = url ? collectionLink(url) : null;
  if (!url || !link) return null;
  // Only a playlist no keyless API lists needs its page's rows (and only when the page is that playlist).
  const page = link.kind === 'playlist' && link.service !== 'deezer' ? await pageRows(pageTabId) : undefined;
  const id = bg.albums.start(url, page);
  await browser.windows.create({ url: albumViewUrl(id), type: 'popup', ...SIZE, focused: true });
  return id;
}

export function listenAlbumMenu(bg: Background): void {
  browser.runtime.onInstalled.addListener(() => {
    void Promise.all(Object.values(MENU).map((id) => browser.contextMenus.remove(id).catch(() => undefined))).then(createMenus);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU.link) void resolveThisAlbum(bg, info.linkUrl, info.linkUrl === info.pageUrl ? tab?.id : undefined);
    else if (info.menuItemId === MENU.page) void resolveThisAlbum(bg, info.pageUrl, tab?.id);
  });
}
