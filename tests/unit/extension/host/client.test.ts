import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostClient } from '../../../../extension/host/client.js';
import { FakePort } from './fake-port.js';

const flush = () => new Promise<void>((r) => queueMicrotask(r));

describe('HostClient', () => {
  let ports: FakePort[];
  let client: HostClient;
  const make = (opts: Partial<ConstructorParameters<typeof HostClient>[0]> = {}) => {
    client = new HostClient({ connect: () => { const p = new FakePort(); ports.push(p); return p; }, ...opts });
    return client;
  };
  beforeEach(() => {
    ports = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens one port, handshakes, and reuses it for every request', async () => {
    make();
    const a = client.request('jobs.list', {});
    const b = client.request('config.get', {});
    expect(ports).toHaveLength(1);
    await flush();
    expect(client.state.status).toBe('ready');
    const port = ports[0]!;
    port.reply(port.last('jobs.list').id as string, { jobs: [] });
    port.fail(port.last('config.get').id as string, 'config.invalid', 'bad config');
    await expect(a).resolves.toEqual({ jobs: [] });
    await expect(b).rejects.toMatchObject({ code: 'config.invalid', message: 'bad config' });
    const ids = port.sent.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sends a caller-chosen id (resolve.partial events carry it back)', async () => {
    make();
    const r = client.request('resolve', { input: 'Daft Punk - One More Time' }, { id: 'tk1' });
    await flush();
    const port = ports[0]!;
    expect(port.last('resolve').id).toBe('tk1');
    port.fail('tk1', 'resolver.collection', 'album');
    await expect(r).rejects.toMatchObject({ code: 'resolver.collection' });
  });

  it('validates requests before sending and results after receiving', async () => {
    make();
    await expect(client.request('probe', { url: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'input.invalid_url' });
    await expect(client.request('probe', { url: '-x' })).rejects.toMatchObject({ code: 'input.invalid_url' });
    const p = client.request('download', { url: 'https://example.com/a.mp4', preset: 'mp3-320' });
    const port = ports[0]!;
    port.reply(port.last('download').id as string, { notAJobId: 1 });
    await expect(p).rejects.toMatchObject({ code: 'protocol.bad_frame' });
  });

  it('times out a request without closing the port, and ignores the late answer', async () => {
    vi.useFakeTimers();
    make({ timeoutsMs: { probe: 1000 } });
    const p = client.request('probe', { url: 'https://example.com/v' });
    const assertion = expect(p).rejects.toMatchObject({ code: 'protocol.timeout' });
    await vi.advanceTimersByTimeAsync(1001);
    await assertion;
    const port = ports[0]!;
    port.reply(port.last('probe').id as string, { whatever: true });
    expect(port.disconnected).toBe(false);
    expect(client.state.status).toBe('ready');
  });

  it('maps "host not found" to host.not_installed, rejects pending, and retries on the next request', async () => {
    const connect = vi.fn(() => { const p = new FakePort(false); ports.push(p); return p; });
    client = new HostClient({ connect });
    const p = client.request('jobs.list', {});
    ports[0]!.drop('Specified native messaging host not found.');
    await expect(p).rejects.toMatchObject({ code: 'host.not_installed' });
    expect(client.state).toMatchObject({ status: 'not_installed', error: { code: 'host.not_installed' } });
    // no background reconnect loop for a missing host...
    await new Promise((r) => setTimeout(r, 20));
    expect(connect).toHaveBeenCalledTimes(1);
    // ...but the next request (a popup opening) tries again.
    void client.request('jobs.list', {}).catch(() => undefined);
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('a disconnect rejects every pending request and reconnects with growing backoff', async () => {
    vi.useFakeTimers();
    // the second host dies before answering its handshake: a backoff reset needs a ping answer
    const connect = vi.fn(() => { const p = new FakePort(ports.length !== 1); ports.push(p); return p; });
    client = new HostClient({ connect, backoffBaseMs: 100, backoffMaxMs: 1000 });
    const states: string[] = [];
    client.onState((s) => states.push(s.status));
    const a = client.request('jobs.list', {});
    const b = client.request('probe', { url: 'https://example.com/v' });
    const both = Promise.allSettled([a, b]);
    ports[0]!.drop('Native host has exited.');
    const [ra, rb] = await both;
    expect(ra).toMatchObject({ status: 'rejected', reason: { code: 'host.disconnected' } });
    expect(rb).toMatchObject({ status: 'rejected', reason: { code: 'host.disconnected' } });
    expect(client.state.status).toBe('disconnected');

    await vi.advanceTimersByTimeAsync(99);
    expect(connect).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(connect).toHaveBeenCalledTimes(2);
    // the new host dies at once: the next delay doubles
    ports[1]!.drop('Native host has exited.');
    await vi.advanceTimersByTimeAsync(199);
    expect(connect).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(connect).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.state.status).toBe('ready');
    expect(states).toContain('connecting');
  });

  it('does not reconnect on its own when nothing needs the host', async () => {
    vi.useFakeTimers();
    const connect = vi.fn(() => { const p = new FakePort(); ports.push(p); return p; });
    client = new HostClient({ connect, backoffBaseMs: 10, shouldReconnect: () => false });
    await client.connect();
    ports[0]!.drop('Native host has exited.');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('ignores stale disconnects from a replaced port', async () => {
    make();
    await client.connect();
    const first = ports[0]!;
    client.close();
    await client.connect();
    first.drop('Native host has exited.');
    expect(client.state.status).toBe('ready');
  });

  it('fans events out to every listener and drops invalid messages', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    make();
    await client.connect();
    const a = vi.fn();
    const b = vi.fn();
    client.onEvent(a);
    const off = client.onEvent(b);
    const ev = { kind: 'event', event: 'job.progress', jobId: 'j1', progress: { percent: 50, speed: 1000, etaSec: 3 } };
    ports[0]!.emit(ev);
    off();
    ports[0]!.emit({ kind: 'event', event: 'job.progress', jobId: 'j1' }); // invalid: no progress
    ports[0]!.emit(ev);
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(1);
    expect(a.mock.calls[0]![0]).toMatchObject({ event: 'job.progress', jobId: 'j1' });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('treats a connect that throws (Firefox, unknown host) as not installed', async () => {
    client = new HostClient({ connect: () => { throw new Error('No such native application com.nexstream.host'); } });
    await expect(client.request('ping', {})).rejects.toMatchObject({ code: 'host.not_installed' });
    expect(client.state.status).toBe('not_installed');
  });

  it('drops a host that never answers its handshake, so the next request starts a fresh one', async () => {
    vi.useFakeTimers();
    const connect = vi.fn(() => { const p = new FakePort(ports.length > 0); ports.push(p); return p; });
    client = new HostClient({ connect, timeoutsMs: { ping: 1000 }, shouldReconnect: () => false });
    const first = client.request('jobs.list', {}, { timeoutMs: 5000 });
    const assertion = expect(first).rejects.toMatchObject({ code: 'host.disconnected' });
    await vi.advanceTimersByTimeAsync(1001);
    await assertion;
    expect(ports[0]!.disconnected).toBe(true);
    expect(client.state.status).toBe('disconnected');
    await client.connect();
    expect(connect).toHaveBeenCalledTimes(2);
    expect(client.state.status).toBe('ready');
  });
});
