/** Wires webRequest to the network-sniff detector: media requests per tab, reset on navigation. */
import { browser } from 'wxt/browser';
import { classifyRequest, contentTypeOf } from '../detect/network-sniff.js';
import type { Background } from './app.js';

export function startSniffer(bg: Background): void {
  const filter = { urls: ['<all_urls>'] };
  browser.webRequest.onBeforeRequest.addListener((d) => {
    if (d.tabId < 0) return undefined; // the extension's own or the browser's requests
    if (d.type === 'main_frame') bg.navigated(d.tabId, d.url);
    else {
      const item = classifyRequest(d.url);
      if (item) bg.sniffed(d.tabId, item);
    }
    return undefined;
  }, filter);
  // Content-Type catches media served from extension-less URLs (…/videoplayback?id=…, /stream/4).
  browser.webRequest.onHeadersReceived.addListener(
    (d) => {
      if (d.tabId < 0 || d.type === 'main_frame') return undefined;
      const item = classifyRequest(d.url, contentTypeOf(d.responseHeaders));
      if (item) bg.sniffed(d.tabId, item);
      return undefined;
    },
    { ...filter, types: ['media', 'xmlhttprequest', 'other', 'object', 'sub_frame'] },
    ['responseHeaders'],
  );
  browser.tabs.onRemoved.addListener((tabId) => bg.tabClosed(tabId));
}
