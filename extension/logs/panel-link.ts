import { DEVTOOLS_PORT_NAME, type FromPanel, type PortLike } from './panel-protocol.js';
import type { PanelModel } from './panel-model.js';

export interface PanelLink {
  send(msg: FromPanel): void;
  close(): void;
}

/**
 * Keeps a panel connected to the background relay. The MV3 service worker can be stopped and
 * restarted; its port then disconnects, and we reconnect with a short backoff (a fresh snapshot follows).
 */
export function linkPanel(connect: (name: string) => PortLike, model: PanelModel, retryMs = [100, 500, 1000, 2000]): PanelLink {
  let port: PortLike | null = null;
  let closed = false;
  let attempt = 0;

  const open = (): void => {
    if (closed) return;
    try {
      const p = connect(DEVTOOLS_PORT_NAME);
      port = p;
      p.onMessage.addListener((m) => {
        attempt = 0;
        model.apply(m);
      });
      p.onDisconnect.addListener(() => {
        if (port !== p) return;
        port = null;
        model.setLinked(false);
        retry();
      });
      model.setLinked(true);
    } catch {
      model.setLinked(false);
      retry();
    }
  };
  const retry = (): void => {
    if (closed) return;
    const wait = retryMs[Math.min(attempt++, retryMs.length - 1)] ?? 2000;
    setTimeout(open, wait);
  };

  open();
  return {
    send(msg) {
      port?.postMessage(msg);
    },
    close() {
      closed = true;
      port?.disconnect();
      port = null;
    },
  };
}
