/**
 * Opens the track view as a small popup window. action.openPopup() cannot be aimed at a track and
 * needs a user gesture in Firefox; windows.create({type: 'popup'}) works in Chromium and Firefox
 * alike and is a real page an e2e test can find. One window is reused for the next lookup.
 */
import { browser } from 'wxt/browser';

const SIZE = { width: 440, height: 720 };
let windowId: number | null = null;

export const trackViewUrl = (sessionId: string): string => browser.runtime.getURL(`/track.html?session=${encodeURIComponent(sessionId)}`);

export async function openTrackView(sessionId: string): Promise<void> {
  const url = trackViewUrl(sessionId);
  if (windowId != null) {
    const tab = await browser.tabs.query({ windowId }).then((t) => t[0], () => undefined);
    if (tab?.id != null) {
      await browser.tabs.update(tab.id, { url });
      await browser.windows.update(windowId, { focused: true }).catch(() => undefined);
      return;
    }
  }
  const win = await browser.windows.create({ url, type: 'popup', ...SIZE, focused: true });
  windowId = win?.id ?? null;
}

/** Forget the window when the user closes it. */
export function watchTrackWindow(): void {
  browser.windows.onRemoved.addListener((id) => {
    if (id === windowId) windowId = null;
  });
}
