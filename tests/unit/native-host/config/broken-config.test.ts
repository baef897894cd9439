/** Config is never lost: a file that does not parse is kept, copied aside, reported with its line, and never overwritten. */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Response } from '../../../../shared/protocol/index.js';
import { ConfigStore } from '../../../../native-host/config/store.js';
import { dispatch } from '../../../../native-host/handlers/dispatch.js';
import { handlers } from '../../../../native-host/handlers/index.js';
import { fakeContext, tempHome } from '../fakes.js';

// A hand edit with a missing comma on line 3: the API key on line 2 must survive everything below.
const BROKEN = '{\n  "groqApiKey": "gsk_user_key_123",\n  "concurrency": 3\n  "downloadDir": "/data/media"\n}\n';

let h: ReturnType<typeof tempHome>;
let file: string;
beforeEach(() => {
  h = tempHome();
  file = path.join(h.home, '.config', 'nexstream', 'config.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, BROKEN, { mode: 0o600 });
});
afterEach(() => h.cleanup());

const copies = () => readdirSync(path.dirname(file)).filter((n) => n.startsWith('config.json.broken-'));

describe('a config file that does not parse', () => {
  it('is left untouched, copied aside once, and writes refuse with the line until it is fixed', () => {
    const store = new ConfigStore(h.env);
    const health = store.get().fileHealth;
    expect(health).toMatchObject({ ok: false, line: 4 });
    expect(readFileSync(file, 'utf8')).toBe(BROKEN);
    expect(copies()).toHaveLength(1);
    const copy = path.join(path.dirname(file), copies()[0] ?? '');
    expect(health.brokenCopy).toBe(copy);
    expect(readFileSync(copy, 'utf8')).toBe(BROKEN);
    expect(statSync(copy).mode & 0o777).toBe(0o600);

    let err: { code?: string; details?: Record<string, unknown> } = {};
    try {
      store.update({ concurrency: 5 });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err).toMatchObject({ code: 'config.broken', details: { line: 4, brokenCopy: copy } });
    expect(readFileSync(file, 'utf8')).toBe(BROKEN);
    // A second host start does not pile up identical copies.
    new ConfigStore(h.env);
    expect(copies()).toHaveLength(1);

    // The user fixes the comma: writes work again and keep the key.
    writeFileSync(file, BROKEN.replace('"concurrency": 3\n', '"concurrency": 3,\n'));
    store.update({ concurrency: 5 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ groqApiKey: 'gsk_user_key_123', concurrency: 5, downloadDir: '/data/media' });
    expect(store.get().fileHealth).toEqual({ ok: true });
  });

  it('round trip through the handlers: config.get and doctor say so, config.set refuses, config.reset starts over', async () => {
    const ctx = fakeContext(h.env);
    const run = async (raw: unknown) => Response.parse(await dispatch(raw, handlers, ctx));
    const got = await run({ id: 'g', type: 'config.get' });
    expect(got).toMatchObject({ ok: true, result: { concurrency: 2, fileProblem: { ok: false, line: 4 } } });
    const doc = await run({ id: 'd', type: 'doctor' });
    expect(doc).toMatchObject({ ok: true, result: { configFile: { ok: false, line: 4 } } });
    const set = await run({ id: 's', type: 'config.set', patch: { concurrency: 4 } });
    expect(set).toMatchObject({ ok: false, error: { code: 'config.broken', details: { line: 4 } } });
    expect(JSON.stringify(set)).not.toContain('gsk_user_key_123');
    expect(readFileSync(file, 'utf8')).toBe(BROKEN);
    // The log says what happened, with the line, and never the key.
    const log = JSON.stringify(ctx.log.tail(undefined, 200));
    expect(log).toContain('line 4');
    expect(log).not.toContain('gsk_user_key_123');

    const reset = await run({ id: 'r', type: 'config.reset' });
    expect(reset).toMatchObject({ ok: true, result: { concurrency: 2 } });
    expect((reset as { result: Record<string, unknown> }).result.fileProblem).toBeUndefined();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
    expect(copies()).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(file), copies()[0] ?? ''), 'utf8')).toBe(BROKEN);
    expect(await run({ id: 's2', type: 'config.set', patch: { concurrency: 4 } })).toMatchObject({ ok: true, result: { concurrency: 4 } });
    await ctx.jobs.shutdown(100);
  });
});
