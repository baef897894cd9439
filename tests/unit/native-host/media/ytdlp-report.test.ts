/**
 * Doctor's yt-dlp part against stand-in yt-dlp binaries. Their `-v` output has the shape of YoutubeDL.print_debug_header
 * (yt-dlp 2026.08.19, yt_dlp/YoutubeDL.py: "Optional libraries: name-version, ..." from compat_utils.get_package_info, then
 * "JS runtimes: ..."), followed by the usage error yt-dlp gives when no URL is passed (exit 2).
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolReport } from '../../../../native-host/media/tools.js';
import { parseVerboseHeader, ytdlpStatuses } from '../../../../native-host/media/ytdlp-report.js';

const header = (version: string, libs: string) =>
  [
    "[debug] Command-line config: ['-v', '--ignore-config']",
    '[debug] Encodings: locale UTF-8, fs utf-8, pref UTF-8, out utf-8 (No ANSI), error utf-8 (No ANSI), screen utf-8 (No ANSI)',
    `[debug] yt-dlp version stable@${version} from yt-dlp/yt-dlp [594bd50c2] (pip)`,
    '[debug] Python 3.13.5 (CPython x86_64 64bit) - Linux-6.12-x86_64-with-glibc2.41 (OpenSSL 3.5.1 1 Jul 2025, glibc 2.41)',
    '[debug] exe versions: ffmpeg 7.1.1 (setts), ffprobe 7.1.1',
    `[debug] Optional libraries: ${libs}`,
    '[debug] JS runtimes: none',
    '[debug] Proxy map: {}',
    '[debug] Request Handlers: urllib, requests, websockets, curl_cffi',
    '[debug] Plugin directories: none',
    '[debug] Loaded 1862 extractors',
    '',
    'Usage: yt-dlp [OPTIONS] URL [URL...]',
    '',
    'yt-dlp: error: You must provide at least one URL.',
    'Type yt-dlp --help to see a list of all options.',
  ].join('\n');
const WITH_EJS = 'Cryptodome-3.23.0, brotli-1.1.0, certifi-2025.08.03, curl_cffi-0.13.0, mutagen-1.47.0, requests-2.32.5, sqlite3-3.46.1, urllib3-2.5.0, websockets-15.0.1, yt_dlp_ejs-0.8.0';
const WITHOUT_EJS = 'Cryptodome-3.23.0, brotli-1.1.0, certifi-2025.08.03, mutagen-1.47.0, requests-2.32.5, sqlite3-3.46.1, urllib3-2.5.0, websockets-15.0.1';

let dir: string;
async function ytdlp(name: string, version: string, libs: string): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo ${version}; exit 0; fi\ncat >&2 <<'END'\n${header(version, libs)}\nEND\nexit 2\n`);
  await chmod(p, 0o755);
  return p;
}
async function node(name: string, version: string): Promise<string> {
  const d = path.join(dir, name);
  await mkdir(d, { recursive: true });
  await writeFile(path.join(d, 'node'), `#!/bin/sh\necho v${version}\n`);
  await chmod(path.join(d, 'node'), 0o755);
  return d;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nexstream-ytreport-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-09-01T00:00:00Z');
const noExtras = { hostNode: null, npmDeno: null, now: NOW };

describe('yt-dlp diagnosis', () => {
  it('reads the optional libraries and JS runtimes from the -v header', () => {
    const h = parseVerboseHeader(header('2026.08.19', WITH_EJS));
    expect(h.libraries.get('yt_dlp_ejs')).toBe('0.8.0');
    expect(h.libraries.get('curl_cffi')).toBe('0.13.0');
    expect(h.jsRuntimes).toBe('none');
  });

  it('a current yt-dlp with the solver and Node 22 on PATH is all ok, and says which runtime it will use', async () => {
    const y = await ytdlp('yt-dlp-good', '2026.08.19', WITH_EJS);
    const nodeDir = await node('n22', '22.12.0');
    const r = await ytdlpStatuses(y, '2026.08.19', { PATH: nodeDir }, noExtras);
    expect(r.map((s) => [s.name, s.ok, s.problem ?? null])).toEqual([
      ['yt-dlp', true, null],
      ['challenge solver', true, null],
      ['js runtime', true, null],
    ]);
    expect(r[1]?.version).toBe('yt-dlp-ejs 0.8.0');
    expect(r[2]).toMatchObject({ path: path.join(nodeDir, 'node'), version: expect.stringContaining('node 22.12.0 (node on PATH') });
  });

  it('no solver and only Node 20: both fail with the exact fix; age over 90 days warns', async () => {
    const y = await ytdlp('yt-dlp-pip', '2026.06.09', WITHOUT_EJS);
    const nodeDir = await node('n20', '20.20.2');
    const r = await ytdlpStatuses(y, '2026.06.09', { PATH: nodeDir }, noExtras);
    // 84 days old on NOW: under yt-dlp's own 90-day warning.
    expect(r[0]).toMatchObject({ ok: true });
    expect(r[0]?.problem).toBeUndefined();
    expect(r[1]).toMatchObject({ name: 'challenge solver', ok: false, fix: expect.stringContaining('"yt-dlp[default]"') });
    expect(r[2]).toMatchObject({ name: 'js runtime', ok: false, problem: expect.stringContaining('node 20.20.2 is older than 22.0.0'), fix: expect.stringContaining('npm install -g deno') });
    const late = await ytdlpStatuses(y, '2026.06.09', { PATH: nodeDir }, { ...noExtras, now: new Date('2026-12-01T00:00:00Z') });
    expect(late[0]).toMatchObject({ ok: true, problem: expect.stringContaining('175 days old'), fix: expect.stringContaining('yt-dlp -U') });
  });

  it('an old yt-dlp (2023.03.04, as installed here) is flagged too old; solver and runtime are not used', async () => {
    const y = await ytdlp('yt-dlp-old', '2023.03.04', WITHOUT_EJS);
    const r = await ytdlpStatuses(y, '2023.03.04', { PATH: '/nonexistent' }, noExtras);
    expect(r[0]).toMatchObject({ ok: true, problem: expect.stringContaining('predates 2025.11.12'), fix: expect.stringContaining('pipx upgrade yt-dlp') });
    expect(r.slice(1).map((s) => [s.name, s.ok])).toEqual([['challenge solver', true], ['js runtime', true]]);
    expect(r[2]?.problem).toContain('not used');
  });

  it('toolReport lists them between yt-dlp and ffmpeg', async () => {
    const y = await ytdlp('yt-dlp', '2026.08.19', WITH_EJS);
    await writeFile(path.join(dir, 'ffmpeg'), '#!/bin/sh\necho "ffmpeg version 7.1 Copyright"\n');
    await writeFile(path.join(dir, 'ffprobe'), '#!/bin/sh\necho "ffprobe version 7.1 Copyright"\n');
    await chmod(path.join(dir, 'ffmpeg'), 0o755);
    await chmod(path.join(dir, 'ffprobe'), 0o755);
    const r = await toolReport({ PATH: dir, NEXSTREAM_YTDLP: y }, noExtras);
    expect(r.map((s) => s.name)).toEqual(['yt-dlp', 'challenge solver', 'js runtime', 'ffmpeg', 'ffprobe']);
  });
});
