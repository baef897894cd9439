/** The host, spoken to over real stdio, survives hostile input and never hangs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHost, frame, startHost, type HostProc } from './host-process.js';
import { header } from '../../fixtures/frames.js';

let built: Awaited<ReturnType<typeof buildHost>>;
const procs: HostProc[] = [];
beforeAll(async () => {
  built = await buildHost();
});
afterAll(() => {
  for (const p of procs) p.cleanup();
  built?.dispose();
});
const start = (env: Record<string, string> = {}) => {
  const p = startHost(built.entry, env);
  procs.push(p);
  return p;
};

describe('garbage frames', () => {
  it('answers bad JSON, bad UTF-8, wrong shapes and unknown types, then keeps serving', async () => {
    const h = start();
    h.writeRaw(frame('{"id": "1", "type": "ping"'));
    h.writeRaw(Buffer.concat([header(3), Buffer.from([0xff, 0xfe, 0xfd])]));
    h.send({ id: 'shape', type: 'probe', url: 42 });
    h.send({ id: 'unk', type: 'rm -rf' });
    h.send(['not', 'an', 'object']);
    // Split one valid frame across three writes.
    const ok = frame({ id: 'after', type: 'ping' });
    h.writeRaw(ok.subarray(0, 2));
    h.writeRaw(ok.subarray(2, 9));
    h.writeRaw(ok.subarray(9));
    expect(await h.reply('after')).toMatchObject({ ok: true });
    expect(await h.reply('shape')).toMatchObject({ ok: false, error: { code: 'input.invalid_url' } });
    expect(await h.reply('unk')).toMatchObject({ ok: false, error: { code: 'protocol.unknown_type' } });
    const nullReplies = h.messages.filter((m) => m.kind === 'response' && m.id === null);
    expect(nullReplies.map((m) => (m.error as { code: string }).code)).toEqual(['protocol.bad_frame', 'protocol.bad_frame', 'input.invalid']);
    h.child.stdin.end();
    expect((await h.exited).code).toBe(0);
  });

  it('skips an oversized frame it can skip and keeps serving', async () => {
    const h = start();
    const size = 2 * 1024 * 1024;
    h.writeRaw(Buffer.concat([header(size), Buffer.alloc(size, 0x20)]));
    h.send({ id: 'next', type: 'ping' });
    expect(await h.reply('next')).toMatchObject({ ok: true });
    expect(h.messages.find((m) => m.id === null)).toMatchObject({ error: { code: 'protocol.bad_frame', details: { reason: 'too_large' } } });
    h.child.stdin.end();
    expect((await h.exited).code).toBe(0);
  });

  it('replies and exits cleanly when framing is lost (absurd length)', async () => {
    const h = start();
    h.writeRaw(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    const { code, ms } = await h.exited;
    expect(code).toBe(1);
    expect(ms).toBeLessThan(5000);
    expect(h.messages.find((m) => m.kind === 'response')).toMatchObject({ id: null, error: { code: 'protocol.bad_frame' } });
  });

  it('exits cleanly on a frame truncated by EOF', async () => {
    const h = start();
    h.writeRaw(Buffer.concat([header(100), Buffer.from('{"id":"x"')]));
    h.child.stdin.end();
    const { code, ms } = await h.exited;
    expect(code).toBe(1);
    expect(ms).toBeLessThan(5000);
  });

  it('writes nothing but frames to stdout', async () => {
    const h = start();
    h.send({ id: 'a', type: 'doctor' });
    await h.reply('a', 20_000);
    h.child.stdin.end();
    await h.exited;
    // startHost parses stdout strictly as frames; a stray print would have thrown or garbled ids.
    expect(h.messages.every((m) => m.kind === 'response' || m.kind === 'event')).toBe(true);
  });

  it('survives the browser closing its end of stdout (EPIPE) and exits when stdin closes', async () => {
    const h = start();
    h.send({ id: 'p', type: 'ping' });
    await h.reply('p');
    h.child.stdout.destroy();
    for (let i = 0; i < 20; i++) h.send({ id: `x${i}`, type: 'ping' });
    await new Promise((r) => setTimeout(r, 300));
    h.child.stdin.end();
    const { code, ms } = await h.exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    expect(h.stderr()).not.toMatch(/EPIPE|Unhandled|uncaught/i);
  });

  it('exits on SIGTERM without hanging', async () => {
    const h = start();
    h.send({ id: 'p', type: 'ping' });
    await h.reply('p');
    h.child.kill('SIGTERM');
    const { ms } = await h.exited;
    expect(ms).toBeLessThan(5000);
  });
});

describe('config over the wire', () => {
  it('gets and sets config; secrets come back as booleans only and the file is 0600', async () => {
    const h = start();
    h.send({ id: 'g', type: 'config.get' });
    expect(await h.reply('g')).toMatchObject({ ok: true, result: { concurrency: 2, secrets: { groqApiKey: false } } });
    h.send({ id: 's', type: 'config.set', patch: { concurrency: 3, groqApiKey: 'gsk_wire_secret_value' } });
    const res = await h.reply('s');
    expect(res).toMatchObject({ ok: true, result: { concurrency: 3, secrets: { groqApiKey: true } } });
    h.send({ id: 'bad', type: 'config.set', patch: { concurrency: 100 } });
    expect(await h.reply('bad')).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    h.send({ id: 't', type: 'logs.tail' });
    await h.reply('t');
    h.child.stdin.end();
    await h.exited;
    expect(JSON.stringify(h.messages)).not.toContain('gsk_wire_secret_value');
    const { statSync, readFileSync } = await import('node:fs');
    const file = `${h.home}/.config/nexstream/config.json`;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('gsk_wire_secret_value');
    const log = readFileSync(`${h.home}/.local/share/nexstream/logs/host.log`, 'utf8');
    expect(log).not.toContain('gsk_wire_secret_value');
  });
});
