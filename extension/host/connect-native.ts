import { browser } from 'wxt/browser';
import { NATIVE_HOST_NAME } from '../../shared/protocol/index.js';
import type { NativePort } from './port.js';

/** The real connector: one runtime.connectNative port, with the disconnect reason read where each browser puts it. */
export function connectNative(): NativePort {
  const port = browser.runtime.connectNative(NATIVE_HOST_NAME);
  return {
    postMessage: (m) => port.postMessage(m),
    disconnect: () => port.disconnect(),
    onMessage: { addListener: (cb) => port.onMessage.addListener((m: unknown) => cb(m)) },
    onDisconnect: {
      addListener: (cb) =>
        port.onDisconnect.addListener((p) => {
          // Reading lastError inside the listener also stops Chromium logging "Unchecked runtime.lastError".
          const chromiumReason = browser.runtime.lastError?.message;
          const firefoxReason = (p as { error?: { message?: string } }).error?.message;
          cb({ message: chromiumReason ?? firefoxReason });
        }),
    },
  };
}
