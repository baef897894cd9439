/** The broken-config round trip through the built host (bundle and all): reported, refused, reset, written again. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHost, startHost, type HostProc } from '../host-process.js';

let built: Awaited<ReturnType<typeof buildHost>>;
let dir: string;
const procs: HostProc[] = [];
beforeAll(async () => {
  built = await buildHost();
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-cfg-'));
}, 60_000);
afterAll(() => {
  for (const p of procs) p.cleanup();
  built?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const BROKEN = '{\n  "geminiApiKey": "AIza_user_key",\n  "concurrency": 3,\n}\n';

describe('broken config through the host', () => {
  it('config.get and doctor report the line; config.set refuses; config.reset keeps a copy; writes work again', async () => {
    const file = path.join(dir, 'config.json');
    writeFileSync(file, BROKEN, { mode: 0o600 });
    const h = startHost(built.entry, { NEXSTREAM_CONFIG_DIR: dir });
    procs.push(h);
    h.send({ id: 'g', type: 'config.get' });
    expect(await h.reply('g')).toMatchObject({ ok: true, result: { fileProblem: { ok: false, line: 4 } } });
    h.send({ id: 'd', type: 'doctor' });
    expect(await h.reply('d', 30_000)).toMatchObject({ ok: true, result: { configFile: { ok: false, line: 4 } } });
    h.send({ id: 's', type: 'config.set', patch: { concurrency: 4 } });
    expect(await h.reply('s')).toMatchObject({ ok: false, error: { code: 'config.broken', details: { line: 4 } } });
    expect(readFileSync(file, 'utf8')).toBe(BROKEN);
    h.send({ id: 'r', type: 'config.reset' });
    expect(await h.reply('r')).toMatchObject({ ok: true });
    h.send({ id: 's2', type: 'config.set', patch: { concurrency: 4 } });
    expect(await h.reply('s2')).toMatchObject({ ok: true, result: { concurrency: 4 } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ concurrency: 4 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const copies = readdirSync(dir).filter((n) => n.startsWith('config.json.broken-'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(path.join(dir, copies[0] ?? ''), 'utf8')).toBe(BROKEN);
    // Nothing of the key reached the wire.
    expect(JSON.stringify(h.messages)).not.toContain('AIza_user_key');
    h.child.stdin.end();
    await h.exited;
  }, 60_000);
});
