import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutable } from '../../../../native-host/media/find-executable.js';
import { discoverTools, parseFfmpegVersion, supportsJsRuntimes, toolReport, versionAtLeast } from '../../../../native-host/media/tools.js';

describe('versions', () => {
  it('compares yt-dlp date versions, nightlies included', () => {
    expect(versionAtLeast('2025.11.12', '2025.11')).toBe(true);
    expect(versionAtLeast('2025.12.08.010203', '2025.11')).toBe(true);
    expect(versionAtLeast('2025.10.22', '2025.11')).toBe(false);
    expect(versionAtLeast('2023.03.04', '2025.11')).toBe(false);
    expect(versionAtLeast('nightly', '2025.11')).toBe(false);
  });

  it('reads ffmpeg -version', () => {
    expect(parseFfmpegVersion('ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026')).toBe('5.1.9-0+deb12u1');
    expect(parseFfmpegVersion('ffmpeg version N-112345-gabc Copyright')).toBe('N-112345-gabc');
  });
});

describe('discovery (tiny stand-in executables)', () => {
  let dir: string;
  const script = async (name: string, body: string) => {
    const p = path.join(dir, name);
    await writeFile(p, `#!/bin/sh\n${body}\n`);
    await chmod(p, 0o755);
    return p;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nexstream-tools-'));
    await script('yt-dlp', 'if [ "$1" = "--version" ]; then echo 2025.11.12; else echo "--js-runtimes RUNTIMES"; fi');
    await script('ffmpeg', 'echo "ffmpeg version 7.1 Copyright"');
    await script('ffprobe', 'echo "ffprobe version 7.1 Copyright"');
    await script('yt-dlp-custom', 'if [ "$1" = "--version" ]; then echo custom-build; else echo "usage: --js-runtimes RUNTIMES"; fi');
    await writeFile(path.join(dir, 'not-executable'), 'x');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds tools on PATH and reads what they support', async () => {
    const t = await discoverTools({ PATH: dir });
    expect(t).toMatchObject({ ytdlp: path.join(dir, 'yt-dlp'), ytdlpVersion: '2025.11.12', ffmpegVersion: '7.1', ytdlpSupportsJsRuntimes: true });
  });

  it('NEXSTREAM_* overrides win; an unreadable version is settled by --help', async () => {
    const custom = path.join(dir, 'yt-dlp-custom');
    const t = await discoverTools({ PATH: dir, NEXSTREAM_YTDLP: custom });
    expect(t.ytdlp).toBe(custom);
    expect(await supportsJsRuntimes(custom, null)).toBe(true);
  });

  it('missing tools fail with a code and the fix', async () => {
    await expect(discoverTools({ PATH: '/nonexistent' })).rejects.toMatchObject({ code: 'media.ytdlp_missing', message: expect.stringContaining('pipx install yt-dlp') });
    await expect(discoverTools({ PATH: '/nonexistent', NEXSTREAM_YTDLP: path.join(dir, 'yt-dlp') })).rejects.toMatchObject({ code: 'media.ffmpeg_missing' });
    expect(await findExecutable('x', { PATH: dir }, path.join(dir, 'not-executable'))).toBeNull();
  });

  it('toolReport says what is missing and never throws', async () => {
    const r = await toolReport({ PATH: '/nonexistent' });
    expect(r.map((s) => [s.name, s.ok])).toEqual([['yt-dlp', false], ['ffmpeg', false], ['ffprobe', false]]);
    expect(r[0]?.fix).toMatch(/yt-dlp/);
    // Challenge solver and JS runtime entries have their own tests (tests/unit/native-host/media/ytdlp-report.test.ts).
    const ok = await toolReport({ PATH: dir }, { now: new Date('2025-11-20T00:00:00Z') });
    const found = ok.filter((s) => ['yt-dlp', 'ffmpeg', 'ffprobe'].includes(s.name));
    expect(found).toHaveLength(3);
    expect(found.every((s) => s.ok && !s.problem)).toBe(true);
  });

  it('flags an old yt-dlp as working but too old, with the fix', async () => {
    await script('yt-dlp-old', 'echo 2023.03.04');
    const r = await toolReport({ PATH: dir, NEXSTREAM_YTDLP: path.join(dir, 'yt-dlp-old') });
    expect(r[0]).toMatchObject({ ok: true, version: '2023.03.04', problem: expect.stringContaining('2025.11'), fix: expect.stringContaining('upgrade') });
  });
});
