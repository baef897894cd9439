/** One popup's runtime port: subscribe to a tab, push its state on every change, take its commands. */
import { FromPopup, ToPopup } from '../messages.js';
import type { PortLike } from '../logs/panel-protocol.js';
import type { Background } from './app.js';
import { coalesced } from './coalesce.js';
import { servePort } from './serve-port.js';

export function handlePopupPort(port: PortLike, bg: Background): void {
  let tabId: number | null = null;
  servePort(port, {
    accepts: FromPopup,
    sends: ToPopup,
    onMessage(msg, served) {
      if (msg.type !== 'subscribe') {
        if (tabId != null) bg.command(tabId, msg);
        return;
      }
      if (tabId != null) return;
      const id = msg.tabId;
      tabId = id;
      const post = (): void => void served.send({ type: 'state', state: bg.stateFor(id) });
      // Coalesces bursts (progress + state + probe in one tick) into one message.
      const push = coalesced(post);
      served.onClose(bg.sessions.onChange((t) => t === id && push()));
      served.onClose(bg.jobs.onChange(() => push()));
      served.onClose(bg.client.onState(() => push()));
      served.onClose(() => bg.popupClosed());
      // What we know goes out first, before any host work: the popup paints page metadata from it.
      post();
      bg.popupOpened(id);
    },
  });
}
