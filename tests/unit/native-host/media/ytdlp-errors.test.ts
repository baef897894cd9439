/**
 * yt-dlp's real failure texts -> stable codes with a one-line fix, through the real probe() and the CLI, driven by the
 * error-case stand-in (tests/fixtures/ytdlp-errors/yt-dlp, which names the yt-dlp source of every text).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../../native-host/cli/index.js';
import { probe } from '../../../../native-host/media/probe.js';
import type { Tools } from '../../../../native-host/media/types.js';
import { classifyYtdlp, lastMeaningfulLine } from '../../../../native-host/media/ytdlp-errors.js';
import { ERROR_TEXT as ERROR_FIXES } from '../../../../shared/error-text.js';
import { ERROR_CODES, type ErrorCode } from '../../../../shared/errors.js';
import { describeError } from '../../../../extension/error-text.js';
import { capturedStreams } from '../../../fixtures/captured-streams.js';

const STANDIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/ytdlp-errors/yt-dlp');
const tools = (ytdlpVersion = '2026.08.19'): Tools => ({ ytdlp: STANDIN, ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', ytdlpSupportsJsRuntimes: true, jsRuntime: null, ytdlpVersion, ffmpegVersion: '5.1' });
const url = (c: string) => `http://127.0.0.1:9/watch/${c}`;

const CASES: Array<[string, ErrorCode]> = [
  ['bot', 'media.signin_required'],
  ['login', 'media.signin_required'],
  ['private', 'media.private'],
  ['members', 'media.members_only'],
  ['age', 'media.age_restricted'],
  ['geo', 'media.geo_blocked'],
  ['upcoming', 'media.not_started'],
  ['premiere', 'media.not_started'],
  ['format', 'media.format_unavailable'],
  ['unsupported', 'media.unsupported'],
  ['forbidden', 'media.forbidden'],
  ['sabr', 'media.sabr_only'],
  ['potoken', 'media.po_token'],
];

describe('yt-dlp failures through probe()', () => {
  it.each(CASES)('%s -> %s, with the yt-dlp line kept and a fix to show', async (name, code) => {
    const e = await probe(url(name), tools(), { noCache: true }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code });
    const err = e as { message: string; details: { ytdlpError: string } };
    expect(err.details.ytdlpError).not.toMatch(/^ERROR:|please report this issue/);
    expect(ERROR_FIXES[code]?.fix.length).toBeGreaterThan(10);
  });

  it('an outdated yt-dlp breaking on YouTube is media.ytdlp_too_old; the same line from a current one is not', async () => {
    await expect(probe(url('tooold'), tools('2023.03.04'), { noCache: true })).rejects.toMatchObject({ code: 'media.ytdlp_too_old' });
    await expect(probe(url('tooold'), tools('2026.08.19'), { noCache: true })).rejects.toMatchObject({ code: 'media.ytdlp_exit' });
  });

  it('an unknown crash keeps the last meaningful line, never the stack trace', async () => {
    const e = (await probe(url('crash'), tools(), { noCache: true }).catch((x: unknown) => x)) as { code: string; message: string };
    expect(e.code).toBe('media.ytdlp_exit');
    expect(e.message).toContain("KeyError: 'streamingData'");
    expect(e.message).not.toMatch(/Traceback|File "|yt_dlp\.main/);
  });

  it('reads the line out of noise: bug-report boilerplate and wrapped DownloadError prefixes go', () => {
    expect(lastMeaningfulLine('WARNING: x\nyt_dlp.utils.DownloadError: ERROR: [generic] boom; please report this issue on  https://github.com/yt-dlp/yt-dlp/issues?q= ')).toBe('[generic] boom');
    expect(lastMeaningfulLine('')).toBeNull();
    // A 403 explained by a PO token warning is the PO token; without the warning, a plain 403.
    expect(classifyYtdlp('WARNING: [youtube] x: ios client https formats require a GVS PO Token which was not provided.', 'unable to download video data: HTTP Error 403: Forbidden')).toBe('media.po_token');
    expect(classifyYtdlp('', 'unable to download video data: HTTP Error 403: Forbidden')).toBe('media.forbidden');
  });
});

describe('the fix reaches people', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-errcli-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  const run = async (args: string[]) => {
    const s = capturedStreams();
    const code = await main(args, { stdout: s.stdout, stderr: s.stderr, env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, 'c'), XDG_DATA_HOME: path.join(home, 'd'), NEXSTREAM_YTDLP: STANDIN } });
    return { code, stdout: s.out(), stderr: s.err() };
  };

  it('CLI: the code, the yt-dlp reason and a fix line; --json carries the fix too', async () => {
    const r = await run(['probe', url('bot')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error [media.signin_required]: [youtube] dQw4w9WgXcQ: Sign in to confirm you’re not a bot.');
    expect(r.stderr).toMatch(/\n  fix: Sign in to the site in this browser.*--cookies cookies\.txt/);
    const j = await run(['probe', '--json', url('members')]);
    expect(JSON.parse(j.stdout.trim())).toMatchObject({ type: 'error', code: 'media.members_only', fix: expect.stringContaining('Join the channel') });
  });

  it('popup: every media code the classifier can give has a text and a fix', () => {
    for (const code of ERROR_CODES.filter((c) => c.startsWith('media.') && ERROR_FIXES[c])) {
      const s = describeError({ code, message: 'raw' });
      expect(s, code).toContain(ERROR_FIXES[code]!.fix);
    }
    for (const [, code] of CASES) expect(ERROR_FIXES[code], code).toBeDefined();
    expect(describeError({ code: 'media.private', message: 'raw' })).toMatch(/^This video is private\. /);
  });
});
