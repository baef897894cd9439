/** The handshake compares protocol versions: a mismatch is one clear error, and a fresh handshake later can recover. */
import { describe, expect, it } from 'vitest';
import { HostClient } from '../../../../extension/host/client.js';
import { PROTOCOL_VERSION } from '../../../../shared/protocol/index.js';
import { FakePort } from './fake-port.js';

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

describe('HostClient handshake', () => {
  it('a host with another protocol: status mismatch, protocol.version for every request, port closed', async () => {
    const ports: FakePort[] = [];
    const client = new HostClient({ connect: () => { const p = new FakePort(false); ports.push(p); return p; } });
    const pending = client.request('jobs.list', {});
    const first = ports[0]!;
    first.reply(first.last('ping').id as string, { version: '9.0.0', protocol: PROTOCOL_VERSION + 1, pid: 7 });
    await expect(pending).rejects.toMatchObject({ code: 'protocol.version', details: { hostProtocol: PROTOCOL_VERSION + 1, extensionProtocol: PROTOCOL_VERSION, hostVersion: '9.0.0' } });
    expect(client.state).toMatchObject({ status: 'mismatch', version: '9.0.0', error: { code: 'protocol.version' } });
    expect(first.disconnected).toBe(true);

    // The next request fails the same way at once, but starts a new handshake: an updated host is picked up.
    await expect(client.request('jobs.list', {})).rejects.toMatchObject({ code: 'protocol.version' });
    expect(ports).toHaveLength(2);
    const second = ports[1]!;
    second.reply(second.last('ping').id as string, { version: '0.1.0', protocol: PROTOCOL_VERSION, pid: 8 });
    await flush();
    expect(client.state.status).toBe('ready');
  });

  it('a host with the same protocol is ready', async () => {
    const client = new HostClient({ connect: () => new FakePort() });
    await client.connect();
    expect(client.state.status).toBe('ready');
  });
});
