import { browser } from 'wxt/browser';

/** The toolbar badge: how many media items the tab has (empty for none). */
export function setBadge(tabId: number, count: number): void {
  const text = count > 0 ? String(Math.min(count, 99)) : '';
  // The tab may be gone by now; that is not an error worth reporting.
  void browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  if (count > 0) void browser.action.setBadgeBackgroundColor({ tabId, color: '#6d28d9' }).catch(() => undefined);
}
