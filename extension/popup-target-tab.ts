/**
 * Which tab the popup is about; shared by the pre-React first paint and the port connection. No zod,
 * no React and no polyfill here: the first-paint script passes the browser's own `tabs` API.
 */

export interface TabGlance {
  url: string;
  title?: string;
}

interface TabLike {
  id?: number;
  url?: string;
  title?: string;
}

/** The two calls used, as both the polyfilled and the native (Promise-returning MV3) API offer them. */
export interface TabsApi {
  get(tabId: number): Promise<TabLike>;
  query(q: { active: boolean; currentWindow: boolean }): Promise<TabLike[]>;
}

type Target = { id: number; url?: string; title?: string } | null;
/** One lookup per popup document: the first-paint script asks, the connection reuses the answer. */
const LOOKUP = '__nexstreamTargetTab';

async function lookUp(tabs: TabsApi): Promise<Target> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return tabs.get(fromQuery).then((t) => ({ ...t, id: fromQuery }), () => ({ id: fromQuery }));
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  return tab?.id == null ? null : { ...tab, id: tab.id };
}

/** The tab the popup is about: `?tab=ID` (a popup opened as a page), else the active tab. */
export function targetTab(tabs: TabsApi): Promise<Target> {
  const g = globalThis as Record<string, unknown>;
  const p = (g[LOOKUP] as Promise<Target> | undefined) ?? lookUp(tabs);
  g[LOOKUP] = p;
  return p;
}

/** The tab's own URL and title, as the header shows them before the background answers. */
export function glanceOf(tab: { url?: string; title?: string } | null): TabGlance | null {
  if (!tab?.url) return null;
  return tab.title ? { url: tab.url, title: tab.title } : { url: tab.url };
}
