/** Which tab the popup is about; shared by the pre-React first paint and the port connection (no zod, no React here). */
import { browser } from 'wxt/browser';

export interface TabGlance {
  url: string;
  title?: string;
}

/** The tab the popup is about: `?tab=ID` (a popup opened as a page), else the active tab. */
export async function targetTab(): Promise<{ id: number; url?: string; title?: string } | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return browser.tabs.get(fromQuery).then((t) => ({ ...t, id: fromQuery }), () => ({ id: fromQuery }));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id == null ? null : { ...tab, id: tab.id };
}

/** The tab's own URL and title, as the header shows them before the background answers. */
export function glanceOf(tab: { url?: string; title?: string } | null): TabGlance | null {
  if (!tab?.url) return null;
  return tab.title ? { url: tab.url, title: tab.title } : { url: tab.url };
}
