/**
 * The one way the background serves a runtime port (popup, track view, DevTools panel): every
 * message in is validated (a page of another version, or a compromised one, can connect), every
 * message out survives the other end having gone, and what was set up for the port is torn down
 * when it disconnects.
 */
import type { z } from 'zod';
import type { PortLike } from '../logs/panel-protocol.js';

export interface ServedPort<Out> {
  /** Posts `msg`; false when the other end is gone (the message is dropped). */
  send(msg: Out): boolean;
  /** Runs `fn` once, when the port disconnects (unsubscribe from stores, forget the port). */
  onClose(fn: () => void): void;
}

export interface PortSpec<In, Out> {
  /** Validates what the other end sends; invalid messages are logged and ignored. */
  accepts: z.ZodType<In, z.ZodTypeDef, unknown>;
  /** Validates what we send, when given: a bug here shows up in the background, not as a broken page. */
  sends?: z.ZodType<Out, z.ZodTypeDef, unknown>;
  onMessage(msg: In, served: ServedPort<Out>): void;
}

export function servePort<In, Out>(port: PortLike, spec: PortSpec<In, Out>): ServedPort<Out> {
  const closers: Array<() => void> = [];
  const served: ServedPort<Out> = {
    send(msg) {
      const out = spec.sends ? spec.sends.parse(msg) : msg;
      try {
        port.postMessage(out);
        return true;
      } catch {
        return false; // the other end closed between our check and the send
      }
    },
    onClose: (fn) => void closers.push(fn),
  };
  port.onMessage.addListener((raw: unknown) => {
    const parsed = spec.accepts.safeParse(raw);
    if (!parsed.success) return console.warn(`[nexstream] bad message on port ${port.name}`, parsed.error.issues[0]);
    spec.onMessage(parsed.data, served);
  });
  port.onDisconnect.addListener(() => {
    for (const close of closers.splice(0)) close();
  });
  return served;
}
