/** "Show in folder" through the host: the path check, the per-OS commands, and a stand-in xdg-open on PATH. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Response } from '../../../../shared/protocol/index.js';
import { dispatch } from '../../../../native-host/handlers/dispatch.js';
import { handlers } from '../../../../native-host/handlers/index.js';
import { revealCommand } from '../../../../native-host/os/reveal-command.js';
import { checkRevealPath } from '../../../../native-host/os/reveal-path.js';
import { runReveal } from '../../../../native-host/os/reveal.js';
import { recordingBin, type RecordingBin } from '../../../fixtures/recording-bin.js';
import { fakeContext, tempHome } from '../fakes.js';

let h: ReturnType<typeof tempHome>;
let bin: RecordingBin;
let downloads: string;
beforeEach(() => {
  h = tempHome();
  downloads = path.join(h.home, 'Downloads', 'NexStream');
  mkdirSync(path.join(downloads, 'Batch 1'), { recursive: true });
  writeFileSync(path.join(downloads, 'Batch 1', 'Song.mp3'), 'x');
  bin = recordingBin(h.home, ['xdg-open']);
  vi.stubEnv('PATH', bin.path);
});
afterEach(() => {
  vi.unstubAllEnvs();
  h.cleanup();
});

describe('revealCommand', () => {
  it('builds argument arrays per OS', () => {
    expect(revealCommand('linux', '/home/u/Downloads/a b.mp3')).toMatchObject({ command: 'xdg-open', args: ['/home/u/Downloads'], selected: false });
    expect(revealCommand('darwin', '/Users/u/Downloads/a b.mp3')).toMatchObject({ command: 'open', args: ['-R', '/Users/u/Downloads/a b.mp3'], selected: true });
    expect(revealCommand('win32', 'C:\\Users\\u\\Downloads\\a b.mp3')).toMatchObject({
      command: 'explorer.exe',
      args: ['/select,"C:\\Users\\u\\Downloads\\a b.mp3"'],
      folder: 'C:\\Users\\u\\Downloads',
      verbatim: true,
      okCodes: [0, 1],
    });
  });
});

describe('checkRevealPath', () => {
  const scope = () => ({ downloadDir: downloads, written: [] as string[] });
  it('accepts a file in a batch folder under the download dir', async () => {
    const f = path.join(downloads, 'Batch 1', 'Song.mp3');
    expect(await checkRevealPath(f, scope())).toBe(f);
  });
  it('refuses relative paths, folders, missing files and files outside', async () => {
    writeFileSync(path.join(h.home, 'secret.txt'), 'x');
    for (const bad of ['Batch 1/Song.mp3', downloads, path.join(downloads, 'nope.mp3'), path.join(h.home, 'secret.txt'), `${downloads}/../../secret.txt`]) {
      await expect(checkRevealPath(bad, scope()), bad).rejects.toMatchObject({ code: 'input.invalid' });
    }
  });
  it('refuses a symlink in the download dir that points outside, accepts a file a job wrote elsewhere', async () => {
    const outside = path.join(h.home, 'elsewhere', 'Job.m4a');
    mkdirSync(path.dirname(outside));
    writeFileSync(outside, 'x');
    symlinkSync(outside, path.join(downloads, 'link.m4a'));
    await expect(checkRevealPath(path.join(downloads, 'link.m4a'), scope())).rejects.toMatchObject({ code: 'input.invalid' });
    expect(await checkRevealPath(outside, { downloadDir: downloads, written: [outside] })).toBe(outside);
  });
});

describe('runReveal', () => {
  it('reports a missing opener and a failing one as os.reveal_failed', async () => {
    await expect(runReveal({ command: 'nexstream-no-such-opener', args: [], folder: '/', selected: false, okCodes: [0] })).rejects.toMatchObject({ code: 'os.reveal_failed' });
    await expect(runReveal({ command: 'xdg-open', args: [path.join(h.home, 'missing')], folder: '/', selected: false, okCodes: [0] })).rejects.toMatchObject({
      code: 'os.reveal_failed',
      details: { exitCode: 2 },
    });
  });
});

describe.runIf(process.platform === 'linux')('the reveal request', () => {
  it('runs xdg-open on the folder of a file under the download dir', async () => {
    const ctx = fakeContext({ ...h.env, NEXSTREAM_DOWNLOAD_DIR: downloads });
    const file = path.join(downloads, 'Batch 1', 'Song.mp3');
    const res = Response.parse(await dispatch({ id: 'r', type: 'reveal', path: file }, handlers, ctx));
    expect(res).toEqual({ kind: 'response', id: 'r', ok: true, result: { folder: path.join(downloads, 'Batch 1'), selected: false } });
    expect(bin.calls()).toEqual([{ tool: 'xdg-open', args: [path.join(downloads, 'Batch 1')] }]);
  });
  it('refuses a path outside without running anything', async () => {
    const ctx = fakeContext({ ...h.env, NEXSTREAM_DOWNLOAD_DIR: downloads });
    const res = Response.parse(await dispatch({ id: 'r', type: 'reveal', path: '/etc/passwd' }, handlers, ctx));
    expect(res).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(bin.calls()).toEqual([]);
  });
});
