import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NexError } from '../../../../shared/errors.js';
import { Response } from '../../../../shared/protocol/index.js';
import { dispatch, readId } from '../../../../native-host/handlers/dispatch.js';
import { handlers } from '../../../../native-host/handlers/index.js';
import { fakeContext, tempHome } from '../fakes.js';

let home: ReturnType<typeof tempHome>;
let ctx: ReturnType<typeof fakeContext>;
beforeEach(() => {
  home = tempHome();
  ctx = fakeContext(home.env);
});
afterEach(() => home.cleanup());

const run = async (raw: unknown) => Response.parse(await dispatch(raw, handlers, ctx));

describe('dispatch', () => {
  it('answers ping', async () => {
    expect(await run({ id: '1', type: 'ping' })).toMatchObject({ id: '1', ok: true, result: { protocol: 1 } });
  });

  it('rejects unknown types with the id', async () => {
    expect(await run({ id: '7', type: 'format.disk' })).toMatchObject({ id: '7', ok: false, error: { code: 'protocol.unknown_type' } });
  });

  it('does not treat Object.prototype keys as handlers', async () => {
    expect(await run({ id: '7', type: 'constructor' })).toMatchObject({ ok: false, error: { code: 'protocol.unknown_type' } });
  });

  it('rejects wrong shapes as input.invalid, and bad urls as input.invalid_url', async () => {
    expect(await run([1, 2])).toMatchObject({ id: null, ok: false, error: { code: 'input.invalid' } });
    expect(await run({ id: '2', type: 'cancel' })).toMatchObject({ id: '2', ok: false, error: { code: 'input.invalid' } });
    expect(await run({ id: '3', type: 'ping', extra: true })).toMatchObject({ id: '3', ok: false, error: { code: 'input.invalid' } });
    expect(await run({ id: '4', type: 'probe', url: 'file:///etc/passwd' })).toMatchObject({ id: '4', ok: false, error: { code: 'input.invalid_url' } });
    expect(await run({ id: '5', type: 'probe', url: '--exec=rm' })).toMatchObject({ error: { code: 'input.invalid_url' } });
  });

  it('reads only a sane id', () => {
    expect(readId({ id: 'x'.repeat(65) })).toBeNull();
    expect(readId({ id: 5 })).toBeNull();
    expect(readId('str')).toBeNull();
    expect(readId({ id: 'ok' })).toBe('ok');
  });

  it('a handler that throws answers its error under the request id', async () => {
    const map = { ...handlers, resolve: async () => Promise.reject(new NexError('internal', 'resolver not available', { type: 'resolve' })) };
    const res = Response.parse(await dispatch({ id: 'r', type: 'resolve', input: 'Daft Punk - One More Time' }, map, ctx));
    expect(res).toMatchObject({ id: 'r', ok: false, error: { code: 'internal', message: 'resolver not available' } });
  });

  it('probes through the media service', async () => {
    expect(await run({ id: 'p', type: 'probe', url: 'https://example.com/v' })).toMatchObject({ ok: true, result: { title: 'A title' } });
  });

  it('queues downloads, lists and cancels them', async () => {
    const dl = await run({ id: 'd', type: 'download', url: 'https://example.com/v', preset: 'mp3-320' });
    expect(dl.ok).toBe(true);
    const jobId = (dl as { result: { jobId: string } }).result.jobId;
    const list = await run({ id: 'l', type: 'jobs.list' });
    expect(list).toMatchObject({ ok: true, result: { jobs: [{ id: jobId, preset: 'mp3-320' }] } });
    expect(await run({ id: 'c', type: 'cancel', jobId })).toMatchObject({ ok: true, result: { cancelled: true } });
    expect(await run({ id: 'c2', type: 'cancel', jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'job.not_found' } });
    await ctx.jobs.shutdown(1000);
  });

  it('sets config without echoing secrets', async () => {
    const res = await run({ id: 's', type: 'config.set', patch: { groqApiKey: 'gsk_supersecretvalue', concurrency: 3 } });
    expect(res).toMatchObject({ ok: true, result: { concurrency: 3, secrets: { groqApiKey: true } } });
    expect(JSON.stringify(res)).not.toContain('gsk_supersecretvalue');
    expect(JSON.stringify(ctx.log.tail(undefined, 100))).not.toContain('gsk_supersecretvalue');
    const bad = await run({ id: 'b', type: 'config.set', patch: { concurrency: 99, groqApiKey: 'x'.repeat(600) } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(JSON.stringify(bad)).not.toContain('xxxxxxxxxx');
  });

  it('tails logs', async () => {
    ctx.log.info('hello');
    expect(await run({ id: 't', type: 'logs.tail', limit: 5 })).toMatchObject({ ok: true, result: { lines: expect.arrayContaining([expect.objectContaining({ text: 'hello' })]) } });
  });

  it('reports doctor', async () => {
    expect(await run({ id: 'doc', type: 'doctor' })).toMatchObject({ ok: true, result: { tools: expect.arrayContaining([expect.objectContaining({ name: 'node' })]) } });
  });
});

describe('dispatch guards its own output', () => {
  it('turns a malformed handler result and a thrown plain Error into error replies', async () => {
    const bad = { ...handlers, ping: async () => ({ version: 1 }) as never, 'jobs.list': async () => Promise.reject(new Error('boom')) };
    expect(Response.parse(await dispatch({ id: 'a', type: 'ping' }, bad, ctx))).toMatchObject({ id: 'a', ok: false, error: { code: 'internal' } });
    expect(Response.parse(await dispatch({ id: 'b', type: 'jobs.list' }, bad, ctx))).toMatchObject({ id: 'b', ok: false, error: { code: 'internal', message: 'boom' } });
  });
});
