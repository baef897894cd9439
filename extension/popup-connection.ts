/** The popup's side of the 'popup' runtime port: subscribe to the tab, receive validated state. */
import { browser } from 'wxt/browser';
import { FromPopup, POPUP_PORT, ToPopup, type PopupState } from './messages.js';
import { glanceOf, targetTab, type TabGlance } from './popup-target-tab.js';

export type { TabGlance } from './popup-target-tab.js';

/**
 * Connects to the background and subscribes to the tab. `onTab` gets the tab's own title and URL
 * first (a few ms), so the header paints before the background's richer state arrives.
 */
export function openPopupConnection(onState: (s: PopupState) => void, onTab: (t: TabGlance) => void = () => undefined): { send: (msg: FromPopup) => void } {
  // Connect first (synchronously) so the worker wakes while we look up the tab.
  const port = browser.runtime.connect({ name: POPUP_PORT });
  port.onMessage.addListener((raw: unknown) => {
    const parsed = ToPopup.safeParse(raw);
    if (parsed.success) onState(parsed.data.state);
    else console.warn('[nexstream] bad state from background', parsed.error.issues[0]);
  });
  const send = (msg: FromPopup) => port.postMessage(FromPopup.parse(msg));
  void targetTab(browser.tabs).then((tab) => {
    if (!tab) return;
    send({ type: 'subscribe', tabId: tab.id });
    const glance = glanceOf(tab);
    if (glance) onTab(glance);
  });
  return { send };
}
