/** The popup's side of the 'popup' runtime port: subscribe to the tab, receive validated state. */
import { browser } from 'wxt/browser';
import { FromPopup, POPUP_PORT, ToPopup, type PopupState } from './messages.js';

/** The tab the popup is about: `?tab=ID` (tests open the popup as a page), else the active tab. */
async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function openPopupConnection(onState: (s: PopupState) => void): { send: (msg: FromPopup) => void } {
  // Connect first (synchronously) so the worker wakes while we look up the tab.
  const port = browser.runtime.connect({ name: POPUP_PORT });
  port.onMessage.addListener((raw: unknown) => {
    const parsed = ToPopup.safeParse(raw);
    if (parsed.success) onState(parsed.data.state);
    else console.warn('[nexstream] bad state from background', parsed.error.issues[0]);
  });
  const send = (msg: FromPopup) => port.postMessage(FromPopup.parse(msg));
  void targetTabId().then((tabId) => tabId != null && send({ type: 'subscribe', tabId }));
  return { send };
}
