import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../background/app.js';
import { listenNotificationClicks } from '../background/notify.js';
import { handlePopupPort } from '../background/popup-port.js';
import { listenResolveMenu } from '../background/resolve-menu.js';
import { listenAlbumMenu } from '../background/album-menu.js';
import { onRuntimeMessage } from '../background/runtime-messages.js';
import { startSniffer } from '../background/sniffer.js';
import { handleTrackPort } from '../background/track-port.js';
import { attachDevtoolsRelay } from '../logs/attach.js';
import { DEVTOOLS_PORT_NAME } from '../logs/panel-protocol.js';
import { POPUP_PORT } from '../messages.js';
import { TRACK_PORT } from '../track-messages.js';

export default defineBackground(() => {
  const bg = createBackground();

  /** Runtime ports by name; the DevTools panel adds its entry here. */
  const PORT_HANDLERS: Record<string, (port: Browser.runtime.Port) => void> = {
    [POPUP_PORT]: (port) => handlePopupPort(port, bg),
    [DEVTOOLS_PORT_NAME]: attachDevtoolsRelay(bg.client),
    [TRACK_PORT]: (port) => handleTrackPort(port, bg),
  };
  browser.runtime.onConnect.addListener((port) => PORT_HANDLERS[port.name]?.(port));
  browser.runtime.onMessage.addListener(onRuntimeMessage(bg));
  startSniffer(bg);
  listenNotificationClicks(bg.client);
  listenResolveMenu(bg);
  listenAlbumMenu(bg);
});
