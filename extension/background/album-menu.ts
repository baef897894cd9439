/** "Resolve this album / playlist": context menu on album/playlist links and pages, opening the album window. */
import { browser } from 'wxt/browser';
import { COLLECTION_URL_PATTERNS, collectionLink } from '../../shared/collection-link.js';
import type { Background } from './app.js';

const MENU = { link: 'resolve-album-link', page: 'resolve-album-page' } as const;
const TITLE = 'Resolve this album / playlist';
const SIZE = { width: 560, height: 760 };

export const albumViewUrl = (id: string): string => browser.runtime.getURL(`/album.html?session=${encodeURIComponent(id)}`);

function createMenus(): void {
  browser.contextMenus.create({ id: MENU.link, title: TITLE, contexts: ['link'], targetUrlPatterns: COLLECTION_URL_PATTERNS });
  browser.contextMenus.create({ id: MENU.page, title: TITLE, contexts: ['page'], documentUrlPatterns: COLLECTION_URL_PATTERNS });
}

/** Starts the album resolve and opens its window; null when the URL is not an album or playlist. */
export async function resolveThisAlbum(bg: Background, url: string | undefined): Promise<string | null> {
  if (!url || !collectionLink(url)) return null;
  const id = bg.albums.start(url);
  await browser.windows.create({ url: albumViewUrl(id), type: 'popup', ...SIZE, focused: true });
  return id;
}

export function listenAlbumMenu(bg: Background): void {
  browser.runtime.onInstalled.addListener(() => {
    void Promise.all(Object.values(MENU).map((id) => browser.contextMenus.remove(id).catch(() => undefined))).then(createMenus);
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU.link) void resolveThisAlbum(bg, info.linkUrl);
    else if (info.menuItemId === MENU.page) void resolveThisAlbum(bg, info.pageUrl);
  });
}
