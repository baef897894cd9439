/** Issue 12's smaller items: URL limits, the article, the CLI bar at 100 %, an empty --profile-dir, a repeat cancel. */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Response } from '../../../shared/protocol/index.js';
import { ProgressPrinter } from '../../../native-host/cli/progress-bar.js';
import { dispatch } from '../../../native-host/handlers/dispatch.js';
import { handlers } from '../../../native-host/handlers/index.js';
import { resolveTargets } from '../../../native-host/install/options.js';
import { classifyInput } from '../../../native-host/resolver/input.js';
import { fakeContext, fakeDownload, fakeMediaApi, tempHome } from './fakes.js';

let h: ReturnType<typeof tempHome>;
let ctx: ReturnType<typeof fakeContext>;
beforeEach(() => {
  h = tempHome();
  ctx = fakeContext(h.env, fakeMediaApi({ download: (spec, _t, hooks) => fakeDownload(400)(spec, hooks) }));
});
afterEach(async () => {
  await ctx.jobs.shutdown(1000);
  h.cleanup();
});
const run = async (raw: unknown) => Response.parse(await dispatch(raw, handlers, ctx));

describe('URL limits', () => {
  it('a 100 KB URL is refused as too long, a NUL as input.invalid_url', async () => {
    const long = await run({ id: 'l', type: 'probe', url: `https://example.com/${'a'.repeat(100_000)}` });
    expect(long).toMatchObject({ ok: false, error: { code: 'input.invalid_url' } });
    expect((long as { error: { message: string } }).error.message).toMatch(/too long/);
    expect((long as { error: { message: string } }).error.message).not.toMatch(/http\(s\)/);
    const nul = await run({ id: 'n', type: 'download', url: 'https://example.com/a\u0000b', preset: 'best' });
    expect(nul).toMatchObject({ ok: false, error: { code: 'input.invalid_url', message: expect.stringMatching(/control characters/) } });
  });
});

describe('cancel twice', () => {
  it('only the first cancel says cancelled: true; later ones say false with the status', async () => {
    const dl = await run({ id: 'd', type: 'download', url: 'https://example.com/v', preset: 'best', outDir: h.home });
    const jobId = (dl as { result: { jobId: string } }).result.jobId;
    await new Promise((r) => setTimeout(r, 20));
    expect(await run({ id: 'c1', type: 'cancel', jobId })).toMatchObject({ ok: true, result: { cancelled: true } });
    const second = await run({ id: 'c2', type: 'cancel', jobId });
    expect(second).toMatchObject({ ok: true, result: { cancelled: false } });
    await ctx.jobs.idle();
    expect(await run({ id: 'c3', type: 'cancel', jobId })).toMatchObject({ ok: true, result: { cancelled: false, status: 'cancelled' } });
  });
});

describe('smaller wording and arguments', () => {
  it('"an Apple Music album", "a Spotify album"', () => {
    expect(() => classifyInput('https://music.apple.com/us/album/discovery/697194953')).toThrow(/^This is an Apple Music album/);
    expect(() => classifyInput('https://open.spotify.com/album/2noRn2Aes5aoNVsU6iWThc')).toThrow(/^This is a Spotify album/);
  });

  it('install --profile-dir "" is refused instead of writing into the working folder', () => {
    expect(() => resolveTargets({ profileDirs: [''], env: h.env })).toThrow(/--profile-dir must name a folder/);
    expect(() => resolveTargets({ profileDirs: ['  '], env: h.env })).toThrow(/--profile-dir/);
  });

  it('the CLI bar ends at 100 % on a TTY and in a log', () => {
    for (const isTTY of [true, false]) {
      let text = '';
      const out = Object.assign(new Writable({ write: (c, _e, cb) => ((text += String(c)), cb()) }), { isTTY, columns: 80 });
      const bar = new ProgressPrinter(out, 5000, () => 0);
      bar.update({ percent: 37.5, speed: 1000, etaSec: 3 });
      bar.complete();
      bar.end();
      expect(text).toContain('100.0%');
    }
  });
});
