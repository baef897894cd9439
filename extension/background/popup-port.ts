/** One popup's runtime port: subscribe to a tab, push its state on every change, take its commands. */
import type { Browser } from 'wxt/browser';
import { FromPopup, ToPopup, type PopupState } from '../messages.js';
import type { Background } from './app.js';
import { coalesced } from './coalesce.js';

export function handlePopupPort(port: Browser.runtime.Port, bg: Background): void {
  let tabId: number | null = null;
  const unsubscribes: Array<() => void> = [];

  const post = (): void => {
    if (tabId == null) return;
    const state: PopupState = bg.stateFor(tabId);
    try {
      port.postMessage(ToPopup.parse({ type: 'state', state }));
    } catch {
      /* the popup closed */
    }
  };
  // Coalesces bursts (progress + state + probe in one tick) into one message.
  const push = coalesced(post);

  port.onMessage.addListener((raw: unknown) => {
    const parsed = FromPopup.safeParse(raw);
    if (!parsed.success) return console.warn('[nexstream] bad popup message', parsed.error.issues[0]);
    const msg = parsed.data;
    if (msg.type === 'subscribe') {
      tabId = msg.tabId;
      unsubscribes.push(bg.sessions.onChange((t) => t === tabId && push()));
      unsubscribes.push(bg.jobs.onChange(() => push()));
      unsubscribes.push(bg.client.onState(() => push()));
      // What we know goes out first, before any host work: the popup paints page metadata from it.
      post();
      bg.popupOpened(msg.tabId);
      return;
    }
    if (tabId == null) return;
    bg.command(tabId, msg);
  });
  port.onDisconnect.addListener(() => {
    for (const u of unsubscribes) u();
    if (tabId != null) bg.popupClosed();
    tabId = null;
  });
}
