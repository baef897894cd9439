/** Process failures keep execa's reason flags; a time-out has its own code. Tiny shell scripts stand in for a stuck or failing yt-dlp (execa's test/fixtures idea). */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffmpegError } from '../../../../native-host/media/ffmpeg-run.js';
import { processFailure } from '../../../../native-host/media/process-failure.js';
import { probe } from '../../../../native-host/media/probe.js';
import type { Tools } from '../../../../native-host/media/types.js';
import { ytdlpError } from '../../../../native-host/media/ytdlp-args.js';

const dir = mkdtempSync(path.join(tmpdir(), 'nexstream-procfail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

const tools = (ytdlp: string): Tools => ({ ytdlp, ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', ytdlpSupportsJsRuntimes: false, ytdlpVersion: null, ffmpegVersion: null });

describe('process failures', () => {
  it('a probe that outlives its limit is media.timeout with timedOut, not media.ytdlp_exit', async () => {
    const err = await probe('http://127.0.0.1:9/x', tools(script('stuck', 'sleep 30')), { noCache: true, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'media.timeout', details: { tool: 'yt-dlp', timeoutMs: 300, timedOut: true, isCanceled: false } });
    expect((err as { details: { signal: string | null } }).details.signal).toMatch(/SIG/);
  });

  it('a failing yt-dlp keeps exitCode, signal and the flags in details', async () => {
    const err = await probe('http://127.0.0.1:9/x', tools(script('fails', 'echo "ERROR: something odd" >&2; exit 2')), { noCache: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'media.ytdlp_exit', details: { exitCode: 2, signal: null, timedOut: false, isCanceled: false, ytdlpError: 'something odd' } });
  });

  it('a yt-dlp that cannot start carries the spawn error as cause', async () => {
    const err = await probe('http://127.0.0.1:9/x', tools(path.join(dir, 'no-such-ytdlp')), { noCache: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'media.ytdlp_exit', details: { timedOut: false, isCanceled: false } });
    const details = (err as { details: Record<string, unknown> }).details;
    expect(String(details.cause ?? details.ytdlpError)).toMatch(/ENOENT|not found|No such file/i);
  });

  it('builders take a whole exit as well as a bare exit code', () => {
    expect(ytdlpError({ exitCode: null, signal: 'SIGKILL' }, 'boom', 'u').details).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: false, isCanceled: false });
    expect(ffmpegError(1, 'x', false).details).toMatchObject({ exitCode: 1, signal: null, timedOut: false, isCanceled: false });
    expect(processFailure({ exitCode: null, signal: null, cause: 'spawn ENOENT' }, { isCanceled: true })).toEqual({ exitCode: null, signal: null, timedOut: false, isCanceled: true, cause: 'spawn ENOENT' });
  });
});
