/** After the handshake the client asks `doctor` once; its registry status lands in the host state the popup renders. */
import { describe, expect, it } from 'vitest';
import { HostClient } from '../../../../extension/host/client.js';
import { FakePort } from './fake-port.js';

const flush = () => new Promise<void>((r) => setTimeout(r, 0));
const report = (registry: unknown) => ({ hostVersion: '0.1.0', protocolVersion: 1, node: '20', platform: 'linux-x64', tools: [], configPath: '/c', logPath: '/l', registryPath: '/r', downloadDir: '/d', registry });

describe('HostClient registry status', () => {
  it('carries registry.auth from doctor into the state, once per connection', async () => {
    const ports: FakePort[] = [];
    const client = new HostClient({ connect: () => (ports.push(new FakePort()), ports.at(-1)!) });
    await client.connect();
    await flush();
    const port = ports[0]!;
    expect(port.sent.filter((m) => m.type === 'doctor')).toHaveLength(1);
    port.reply(port.last('doctor').id as string, report({ mode: 'remote', state: 'auth', code: 'registry.auth', message: 'refused' }));
    await flush();
    expect(client.state).toMatchObject({ status: 'ready', registry: { state: 'auth', code: 'registry.auth' } });
    await client.request('ping', {}).catch(() => undefined);
    expect(port.sent.filter((m) => m.type === 'doctor')).toHaveLength(1);
  });

  it('a host that does not answer doctor leaves the state as it was', async () => {
    const ports: FakePort[] = [];
    const client = new HostClient({ connect: () => (ports.push(new FakePort()), ports.at(-1)!) });
    await client.connect();
    await flush();
    ports[0]!.fail(ports[0]!.last('doctor').id as string, 'internal', 'nope');
    await flush();
    expect(client.state.status).toBe('ready');
    expect(client.state.registry).toBeUndefined();
  });
});
