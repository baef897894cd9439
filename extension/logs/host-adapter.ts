import type { HostClient, HostState as ClientState } from '../host/client.js';
import type { HostState } from './panel-protocol.js';
import type { RelayHost } from './relay.js';

/** Adapts the background's one native-port client to what the DevTools relay needs. */
export function relayHostFrom(client: HostClient): RelayHost {
  let since = Date.now();
  const toPanel = (s: ClientState): HostState => ({
    connected: s.status === 'ready',
    status: s.status,
    since,
    ...(s.version !== undefined && { version: s.version }),
    ...(s.error !== undefined && { error: s.error }),
  });
  return {
    onEvent: (fn) => client.onEvent(fn),
    onState: (fn) =>
      client.onState((s) => {
        since = Date.now();
        fn(toPanel(s));
      }),
    state: () => toPanel(client.state),
    doctor: () => client.request('doctor', {}),
    // Never restart a working host from here: closing its port would cancel the user's running jobs.
    reconnect: () => {
      if (client.state.status !== 'ready') void client.connect();
    },
  };
}
