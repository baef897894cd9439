/** config.set refuses what the issue found it accepting, naming the field and never echoing the value. */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Response } from '../../../../shared/protocol/index.js';
import { downloadDirProblem } from '../../../../native-host/config/download-dir.js';
import { dispatch } from '../../../../native-host/handlers/dispatch.js';
import { handlers } from '../../../../native-host/handlers/index.js';
import { fakeContext, tempHome } from '../fakes.js';

let h: ReturnType<typeof tempHome>;
let ctx: ReturnType<typeof fakeContext>;
beforeEach(() => {
  h = tempHome();
  ctx = fakeContext(h.env);
});
afterEach(async () => {
  await ctx.jobs.shutdown(100);
  h.cleanup();
});
const set = async (patch: Record<string, unknown>) => Response.parse(await dispatch({ id: 's', type: 'config.set', patch }, handlers, ctx));

describe('config.set validation', () => {
  it.each([
    [{ downloadDir: '/etc' }, 'downloadDir', /system folder/],
    [{ downloadDir: '/usr/local/share/x' }, 'downloadDir', /system folder/],
    [{ downloadDir: '/' }, 'downloadDir', /system folder/],
    [{ downloadDir: 'Music' }, 'downloadDir', /absolute/],
    [{ downloadDir: '-rf' }, 'downloadDir', /absolute/],
    [{ downloadDir: '/tmp/a\u0000b' }, 'downloadDir', /control/],
    [{ tursoUrl: 'javascript:alert(1)' }, 'tursoUrl', /http\(s\)/],
    [{ tursoUrl: 'file:///tmp/evil.db' }, 'tursoUrl', /http\(s\)/],
    [{ defaultAudioPreset: 'mp4-720' }, 'defaultAudioPreset', /audio preset/],
    [{ defaultVideoPreset: 'flac' }, 'defaultVideoPreset', /video preset/],
    [{ groqApiKey: 'gsk_abc\nX-Injected: 1' }, 'groqApiKey', /control/],
  ])('refuses %j naming %s', async (patch, field, why) => {
    const r = await set(patch);
    expect(r).toMatchObject({ ok: false, error: { code: 'config.invalid', details: { field } } });
    const msg = (r as { error: { message: string } }).error.message;
    expect(msg.startsWith(field)).toBe(true);
    expect(msg).toMatch(why);
    if (field === 'groqApiKey') expect(JSON.stringify(r)).not.toContain('gsk_abc');
    expect(ctx.config.get().downloadDir).not.toBe((patch as { downloadDir?: string }).downloadDir);
  });

  it('accepts an existing or creatable folder, ~/..., http(s)/libsql Turso URLs and presets of the right kind', async () => {
    const ok = await set({ downloadDir: path.join(h.home, 'new', 'deeper'), tursoUrl: 'libsql://db.example.turso.io', defaultAudioPreset: 'flac', defaultVideoPreset: 'mp4-720', groqApiKey: 'gsk_fine' });
    expect(ok).toMatchObject({ ok: true, result: { downloadDir: path.join(h.home, 'new', 'deeper'), defaultAudioPreset: 'flac' } });
    expect(await set({ downloadDir: '~/Music', tursoUrl: 'https://x.example' })).toMatchObject({ ok: true, result: { downloadDir: path.join(h.home, 'Music') } });
    expect(await set({ tursoUrl: null })).toMatchObject({ ok: true, result: { tursoUrl: null } });
  });
});

describe('download outDir', () => {
  it('gets the same checks as downloadDir', async () => {
    const r = Response.parse(await dispatch({ id: 'd', type: 'download', url: 'https://example.com/v', preset: 'best', outDir: '/etc/cron.d' }, handlers, ctx));
    expect(r).toMatchObject({ ok: false, error: { code: 'input.invalid', details: { field: 'outDir' }, message: expect.stringMatching(/system folder/) } });
    const rel = Response.parse(await dispatch({ id: 'e', type: 'download', url: 'https://example.com/v', preset: 'best', outDir: 'rel' }, handlers, ctx));
    expect(rel).toMatchObject({ ok: false, error: { code: 'input.invalid', details: { field: 'outDir' } } });
  });
});

describe('downloadDirProblem', () => {
  it('refuses files, read-only parents and system folders reached through a symlink', () => {
    const file = path.join(h.home, 'a-file');
    writeFileSync(file, 'x');
    expect(downloadDirProblem(file)).toMatch(/is a file/);
    expect(downloadDirProblem(path.join(file, 'sub'))).toMatch(/is a file/);
    const link = path.join(h.home, 'etc-link');
    symlinkSync('/etc', link);
    expect(downloadDirProblem(path.join(link, 'x'))).toMatch(/system folder/);
    if (process.getuid?.() !== 0) {
      const ro = path.join(h.home, 'ro');
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      expect(downloadDirProblem(path.join(ro, 'x'))).toMatch(/not writable/);
    }
    expect(downloadDirProblem('C:\\Windows\\Temp', { platform: 'win32', env: {} })).toMatch(/system folder/);
    expect(downloadDirProblem('relative\\dir', { platform: 'win32', env: {} })).toMatch(/absolute/);
  });
});
