import { describe, expect, it, vi } from 'vitest';
import type { JobInfo, LogLine } from '../../../../shared/protocol/index.js';
import { PanelModel } from '../../../../extension/logs/panel-model.js';
import { linkPanel } from '../../../../extension/logs/panel-link.js';
import type { PortLike } from '../../../../extension/logs/panel-protocol.js';

const l = (text: string, extra: Partial<LogLine> = {}): LogLine => ({ t: 1, jobId: 'j', source: 'host', level: 'info', text, ...extra });
const job: JobInfo = { id: 'j', kind: 'download', status: 'running', url: 'http://127.0.0.1/', createdAt: 1 };

function manualFrames() {
  const q: (() => void)[] = [];
  return { frame: (fn: () => void) => void q.push(fn), run: () => q.splice(0).forEach((f) => f()), get queued() { return q.length; } };
}

describe('PanelModel', () => {
  it('replaces state on snapshot, appends on batch, marks drops', () => {
    const frames = manualFrames();
    const m = new PanelModel({}, frames.frame);
    m.apply({ type: 'batch', lines: [l('stale')], dropped: 0, jobs: [] });
    m.apply({ type: 'snapshot', lines: [l('a'), l('b')], jobs: [job], host: { connected: true, version: '0.1.0' } });
    m.apply({ type: 'batch', lines: [l('c')], dropped: 1234, jobs: [{ ...job, status: 'done' }] });
    expect(m.store.lines().map((x) => x.text)).toEqual(['a', 'b', 'c', '… 1,234 lines dropped under pressure']);
    expect(m.jobs.get('j')?.status).toBe('done');
    expect(m.host).toEqual({ connected: true, version: '0.1.0' });
  });

  it('notifies subscribers at most once per frame', () => {
    const frames = manualFrames();
    const m = new PanelModel({}, frames.frame);
    const fn = vi.fn();
    m.subscribe(fn);
    for (let i = 0; i < 500; i++) m.apply({ type: 'batch', lines: [l(`x${i}`)], dropped: 0, jobs: [] });
    expect(frames.queued).toBe(1);
    frames.run();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('ignores malformed messages and redacts what it stores', () => {
    const m = new PanelModel({}, () => void 0);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => void 0);
    m.apply({ type: 'batch', lines: [{ nope: true }], dropped: 0, jobs: [] });
    m.apply({ type: 'batch', lines: [l('curl -H "Authorization: Bearer abcdefghijklmnop"')], dropped: 0, jobs: [] });
    expect(m.store.lines().map((x) => x.text)).toEqual(['curl -H "Authorization: ***"']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('handles cleared, host and doctor messages', () => {
    const m = new PanelModel({}, () => void 0);
    m.apply({ type: 'batch', lines: [l('a')], dropped: 0, jobs: [] });
    m.apply({ type: 'cleared' });
    m.apply({ type: 'host', host: { connected: false, error: { code: 'host.not_installed', message: 'run npx nexstream install' } } });
    m.apply({ type: 'doctor', error: { code: 'host.disconnected', message: 'gone' } });
    expect(m.store.size).toBe(0);
    expect(m.host.connected).toBe(false);
    expect(m.doctor?.error?.code).toBe('host.disconnected');
  });
});

describe('linkPanel', () => {
  it('reconnects after the background goes away, and a fresh snapshot replaces old lines', async () => {
    const ports: (PortLike & { emit(m: unknown): void; drop(): void })[] = [];
    const connect = (name: string) => {
      const msg: ((m: unknown) => void)[] = [];
      const disc: (() => void)[] = [];
      const p = { name, postMessage: vi.fn(), disconnect: vi.fn(), onMessage: { addListener: (f: (m: unknown) => void) => msg.push(f) }, onDisconnect: { addListener: (f: () => void) => disc.push(f) }, emit: (m: unknown) => msg.forEach((f) => f(m)), drop: () => disc.forEach((f) => f()) };
      ports.push(p);
      return p;
    };
    const m = new PanelModel({}, () => void 0);
    const link = linkPanel(connect, m, [5]);
    expect(ports[0]?.name).toBe('nexstream-devtools');
    ports[0]!.emit({ type: 'snapshot', lines: [l('one')], jobs: [], host: { connected: true } });
    ports[0]!.drop();
    expect(m.linked).toBe(false);
    await vi.waitFor(() => expect(ports).toHaveLength(2));
    expect(m.linked).toBe(true);
    ports[1]!.emit({ type: 'snapshot', lines: [l('one'), l('two')], jobs: [], host: { connected: true } });
    expect(m.store.lines().map((x) => x.text)).toEqual(['one', 'two']);
    link.send({ type: 'doctor' });
    expect(ports[1]!.postMessage).toHaveBeenCalledWith({ type: 'doctor' });
    link.close();
    expect(ports[1]!.disconnect).toHaveBeenCalled();
  });
});
