import { describe, expect, it, vi } from 'vitest';
import type { DoctorReport, Event, JobInfo, LogLine } from '../../../../shared/protocol/index.js';
import { createDevtoolsRelay, type RelayHost } from '../../../../extension/logs/relay.js';
import { DEVTOOLS_PORT_NAME, ToPanel, type HostState, type PortLike } from '../../../../extension/logs/panel-protocol.js';

function fakeHost() {
  const events = new Set<(e: Event) => void>();
  const states = new Set<(s: HostState) => void>();
  let state: HostState = { connected: true };
  const host: RelayHost & { emit(e: Event): void; setState(s: HostState): void; reconnect: ReturnType<typeof vi.fn> } = {
    onEvent: (fn) => (events.add(fn), () => events.delete(fn)),
    onState: (fn) => (states.add(fn), () => states.delete(fn)),
    state: () => state,
    doctor: async (): Promise<DoctorReport> => ({ hostVersion: '0.1.0', protocolVersion: 1, node: 'v20', platform: 'linux', tools: [], configPath: '/c', logPath: '/l', registryPath: null, downloadDir: '/d' }),
    reconnect: vi.fn(),
    emit: (e) => events.forEach((fn) => fn(e)),
    setState: (s) => ((state = s), states.forEach((fn) => fn(s))),
  };
  return host;
}

function fakePort(name = DEVTOOLS_PORT_NAME) {
  const received: ToPanel[] = [];
  const onMsg: ((m: unknown) => void)[] = [];
  const onDisc: (() => void)[] = [];
  const port: PortLike & { received: ToPanel[]; send(m: unknown): void; close(): void } = {
    name,
    received,
    postMessage: (m) => received.push(ToPanel.parse(m)),
    disconnect: () => onDisc.forEach((f) => f()),
    onMessage: { addListener: (f) => onMsg.push(f) },
    onDisconnect: { addListener: (f) => onDisc.push(f) },
    send: (m) => onMsg.forEach((f) => f(m)),
    close: () => onDisc.forEach((f) => f()),
  };
  return port;
}

const log = (lines: Partial<LogLine>[], dropped = 0): Event => ({
  kind: 'event',
  event: 'log',
  dropped,
  lines: lines.map((l, i) => ({ t: i, jobId: 'j1', source: 'ffmpeg', level: 'info', text: `line ${i}`, ...l })),
});
const job: JobInfo = { id: 'j1', kind: 'download', status: 'running', url: 'http://127.0.0.1/', createdAt: 1 };
const linesOf = (p: { received: ToPanel[] }) => p.received.flatMap((m) => (m.type === 'snapshot' || m.type === 'batch' ? m.lines : []));

describe('devtools relay', () => {
  it('ignores ports with other names', () => {
    const relay = createDevtoolsRelay(fakeHost());
    expect(relay.accept(fakePort('popup'))).toBe(false);
    expect(relay.panels).toBe(0);
  });

  it('gives a late panel a snapshot first, then live batches, without repeats', async () => {
    const host = fakeHost();
    const relay = createDevtoolsRelay(host, { intervalMs: 10 });
    host.emit({ kind: 'event', event: 'job.state', job });
    host.emit(log([{ text: 'early 1' }, { text: 'early 2' }]));
    const port = fakePort();
    relay.accept(port);
    host.emit(log([{ text: 'live 1' }]));
    await vi.waitFor(() => expect(linesOf(port).map((l) => l.text)).toEqual(['early 1', 'early 2', 'live 1']));
    expect(port.received[0]).toMatchObject({ type: 'snapshot', jobs: [job], host: { connected: true } });
    relay.detach();
  });

  it('sends big snapshots in chunks', () => {
    const host = fakeHost();
    const relay = createDevtoolsRelay(host, { snapshotChunk: 100 });
    host.emit(log(Array.from({ length: 450 }, () => ({}))));
    const port = fakePort();
    relay.accept(port);
    expect(port.received.map((m) => m.type)).toEqual(['snapshot', 'batch', 'batch', 'batch', 'batch']);
    expect(linesOf(port)).toHaveLength(450);
    relay.detach();
  });

  it('fans out to every panel and forgets closed ones', async () => {
    const host = fakeHost();
    const relay = createDevtoolsRelay(host, { intervalMs: 5 });
    const a = fakePort();
    const b = fakePort();
    relay.accept(a);
    relay.accept(b);
    b.close();
    expect(relay.panels).toBe(1);
    host.emit(log([{ text: 'x' }]));
    await vi.waitFor(() => expect(linesOf(a)).toHaveLength(1));
    expect(linesOf(b)).toHaveLength(0);
    relay.detach();
  });

  it('redacts and collapses before relaying, and reports host drops', async () => {
    const host = fakeHost();
    const relay = createDevtoolsRelay(host, { intervalMs: 5 });
    const port = fakePort();
    relay.accept(port);
    host.emit(log([{ text: 'ffmpeg -headers "Authorization: Bearer sekrit-token-123" -i x' }, { text: 'frame=1', replaceKey: 'p' }, { text: 'frame=2', replaceKey: 'p' }], 42));
    await vi.waitFor(() => expect(port.received.some((m) => m.type === 'batch')).toBe(true));
    const batch = port.received.find((m) => m.type === 'batch');
    expect(JSON.stringify(batch)).not.toContain('sekrit');
    expect(batch?.type === 'batch' && batch.lines.map((l) => l.text).slice(1)).toEqual(['frame=2']);
    expect(batch?.type === 'batch' && batch.dropped).toBe(42);
    expect(relay.store.lines().some((l) => l.dropped === 42)).toBe(true);
    relay.detach();
  });

  it('turns job progress into job updates and answers doctor/reconnect/clear', async () => {
    const host = fakeHost();
    const relay = createDevtoolsRelay(host, { intervalMs: 5 });
    const port = fakePort();
    relay.accept(port);
    host.emit({ kind: 'event', event: 'job.state', job: { ...job, status: 'queued' } });
    host.emit({ kind: 'event', event: 'job.progress', jobId: 'j1', progress: { percent: 50, speed: 1000, etaSec: 2 } });
    await vi.waitFor(() =>
      expect(port.received.some((m) => m.type === 'batch' && m.jobs.some((j) => j.progress?.percent === 50 && j.status === 'running'))).toBe(true),
    );
    port.send({ type: 'doctor' });
    await vi.waitFor(() => expect(port.received.some((m) => m.type === 'doctor' && m.report?.hostVersion === '0.1.0')).toBe(true));
    port.send({ type: 'reconnect' });
    expect(host.reconnect).toHaveBeenCalledOnce();
    host.setState({ connected: false });
    expect(port.received.at(-1)).toEqual({ type: 'host', host: { connected: false } });
    host.emit(log([{ text: 'x' }]));
    port.send({ type: 'clear' });
    await vi.waitFor(() => expect(port.received.at(-1)).toEqual({ type: 'cleared' }));
    expect(relay.store.size).toBe(0);
    port.send({ type: 'bogus' }); // ignored, no throw
    relay.detach();
  });
});
