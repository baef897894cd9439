/** Figure 6a: ping round trips over runtime.connectNative from the service worker, as the background does. */
import type { WebWorker } from 'puppeteer-core';
import { NATIVE_HOST_NAME } from '../../shared/protocol/index.js';

/**
 * Runs in the worker. Plain JS source, not a serialised TS function: tsx's keepNames would make it
 * call a `__name` helper the worker does not have.
 */
const PING_SCRIPT = `async (name, count) => {
  const port = chrome.runtime.connectNative(name);
  const waiting = new Map();
  let gone = null;
  port.onMessage.addListener((m) => {
    const done = waiting.get(String(m.id));
    waiting.delete(String(m.id));
    if (done) done();
  });
  port.onDisconnect.addListener(() => { gone = (chrome.runtime.lastError && chrome.runtime.lastError.message) || 'disconnected'; });
  const ping = (id) => new Promise((resolve, reject) => {
    waiting.set(id, resolve);
    port.postMessage({ id, type: 'ping' });
    setTimeout(() => reject(new Error('ping ' + id + ': no answer (' + (gone || 'port open') + ')')), 15000);
  });
  const t0 = performance.now();
  await ping('bench-0');
  const firstMs = performance.now() - t0;
  const rtts = [];
  for (let i = 1; i <= count; i++) {
    const t = performance.now();
    await ping('bench-' + i);
    rtts.push(performance.now() - t);
  }
  port.disconnect();
  return { firstMs, rtts };
}`;

/** One port: the first ping starts the host (reported apart), then `n` pings one after another. */
export async function pingThroughBrowser(worker: WebWorker, n: number): Promise<{ firstMs: number; rtts: number[] }> {
  return (await worker.evaluate(`(${PING_SCRIPT})(${JSON.stringify(NATIVE_HOST_NAME)}, ${n})`)) as { firstMs: number; rtts: number[] };
}
