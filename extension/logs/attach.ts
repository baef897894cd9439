import type { HostClient } from '../host/client.js';
import { relayHostFrom } from './host-adapter.js';
import type { PortLike } from './panel-protocol.js';
import { createDevtoolsRelay, type RelayOptions } from './relay.js';

/**
 * Starts the DevTools relay on the background's host client and returns the runtime-port handler
 * for DEVTOOLS_PORT_NAME ('nexstream-devtools'). Call once per service-worker start.
 */
export function attachDevtoolsRelay(client: HostClient, opts: RelayOptions = {}): (port: PortLike) => void {
  const relay = createDevtoolsRelay(relayHostFrom(client), opts);
  return (port) => void relay.accept(port);
}
