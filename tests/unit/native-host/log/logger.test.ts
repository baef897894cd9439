import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventOf } from '../../../../shared/protocol/index.js';
import { Logger } from '../../../../native-host/log.js';
import { WireBatcher } from '../../../../native-host/log/wire-batcher.js';
import { tempHome } from '../fakes.js';

let h: ReturnType<typeof tempHome>;
beforeEach(() => {
  h = tempHome();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  h.cleanup();
});

const line = (text: string, level: 'debug' | 'info' | 'warn' = 'info') => ({ t: 1, jobId: null, source: 'host' as const, level, text });

describe('WireBatcher', () => {
  it('batches lines within ~50 ms into one event', () => {
    const sent: EventOf<'log'>[] = [];
    const b = new WireBatcher({ send: (e) => sent.push(e) });
    b.add(line('a'));
    b.add(line('b'));
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.lines.map((l) => l.text)).toEqual(['a', 'b']);
  });

  it('flushes early when the batch reaches the byte target', () => {
    const sent: EventOf<'log'>[] = [];
    const b = new WireBatcher({ send: (e) => sent.push(e), targetBytes: 1000 });
    for (let i = 0; i < 20; i++) b.add(line('x'.repeat(100)));
    expect(sent.length).toBeGreaterThanOrEqual(2);
  });

  it('drops debug lines under pressure and reports how many', () => {
    const sent: EventOf<'log'>[] = [];
    const b = new WireBatcher({ send: (e) => sent.push(e), pressure: () => true });
    b.add(line('noise', 'debug'));
    b.add(line('noise', 'debug'));
    b.add(line('important', 'warn'));
    b.flush();
    expect(sent[0]).toMatchObject({ lines: [{ text: 'important' }], dropped: 2 });
  });

  it('sheds debug lines first when the backlog is full under pressure', () => {
    const sent: EventOf<'log'>[] = [];
    let pressure = false;
    const b = new WireBatcher({ send: (e) => sent.push(e), maxPending: 3, pressure: () => pressure });
    b.add(line('d1', 'debug'));
    pressure = true;
    b.add(line('i1'));
    b.add(line('i2'));
    b.add(line('i3'));
    b.flush();
    expect(sent[0]).toMatchObject({ lines: [{ text: 'i1' }, { text: 'i2' }, { text: 'i3' }], dropped: 1 });
  });

  it('sends a full backlog instead of shedding it when the pipe keeps up', () => {
    const sent: EventOf<'log'>[] = [];
    const b = new WireBatcher({ send: (e) => sent.push(e), maxPending: 3 });
    for (const t of ['a', 'b', 'c', 'd']) b.add(line(t));
    b.flush();
    expect(sent.map((e) => e.lines.map((l) => l.text))).toEqual([['a', 'b', 'c'], ['d']]);
    expect(sent.every((e) => e.dropped === 0)).toBe(true);
  });

  it('coalesces lines with the same replaceKey while unsent', () => {
    const sent: EventOf<'log'>[] = [];
    const b = new WireBatcher({ send: (e) => sent.push(e) });
    b.add({ ...line('frame=1'), replaceKey: 'p' });
    b.add({ ...line('frame=2'), replaceKey: 'p' });
    b.flush();
    expect(sent[0]!.lines.map((l) => l.text)).toEqual(['frame=2']);
  });
});

describe('Logger', () => {
  it('redacts before every sink: wire, file and ring', () => {
    const file = path.join(h.home, 'logs', 'host.log');
    const sent: EventOf<'log'>[] = [];
    const log = new Logger({ file: { path: file }, secrets: () => ['sk_live_abcdef123'] });
    log.attachWire((e) => sent.push(e));
    log.write({ level: 'info', source: 'yt-dlp', jobId: 'j1', text: 'GET https://api/x?token=abc with sk_live_abcdef123 Cookie: s=1' });
    log.flush();
    const all = JSON.stringify(sent) + readFileSync(file, 'utf8') + JSON.stringify(log.tail('j1'));
    expect(all).not.toContain('sk_live_abcdef123');
    expect(all).not.toContain('token=abc');
    expect(all).not.toContain('s=1');
    expect(log.tail('j1')).toHaveLength(1);
    expect(log.tail('other')).toEqual([]);
  });

  it('rotates the file at the size cap, keeping N generations', () => {
    const file = path.join(h.home, 'logs', 'host.log');
    const log = new Logger({ file: { path: file, maxBytes: 2000, keep: 2 } });
    for (let i = 0; i < 100; i++) log.info(`line ${i} ${'x'.repeat(50)}`);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['host.log', 'host.log.1', 'host.log.2']);
    for (const f of ['host.log', 'host.log.1', 'host.log.2']) expect(statSync(path.join(h.home, 'logs', f)).size).toBeLessThanOrEqual(2000);
    expect(readFileSync(file, 'utf8')).toContain('line 99');
  });

  it('keeps a bounded per-job ring for logs.tail', () => {
    const log = new Logger();
    for (let i = 0; i < 1500; i++) log.forJob('j')({ source: 'ffmpeg', level: 'info', text: String(i) });
    const tail = log.tail('j', 5000);
    expect(tail).toHaveLength(1000);
    expect(tail.at(-1)!.text).toBe('1499');
    expect(log.tail('j', 3).map((l) => l.text)).toEqual(['1497', '1498', '1499']);
  });
});
