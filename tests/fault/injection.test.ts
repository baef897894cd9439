/**
 * Injection: URLs, options, titles and tags that try to smuggle yt-dlp/ffmpeg options, read local files,
 * climb out of the target folder or look like SQL. Each gets a clean error or a safe file name; nothing
 * runs and nothing is written outside the target folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia } from '../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../fixtures/media-server.js';
import { hostDownloadOutcome } from './jobs.js';
import { faultEnv, LOOPBACK_ENV, type FaultEnv } from './fault-env.js';

let env: FaultEnv;
let media: string;
let server: MediaServer;
let sandbox: string;
let out: string;
let marker: string;
const TRAVERSAL_TITLE = '../../../../../tmp/pwned --exec "touch MARK" $(id) `id`; DROP TABLE tracks; --';

beforeAll(async () => {
  env = await faultEnv();
  media = env.tmp('inj-media');
  // The page's title (and the file's tags) try path traversal and command/SQL injection.
  await Promise.all([makeMedia(media, 'direct-mp4', { durationSec: 2, title: TRAVERSAL_TITLE }), makeMedia(media, 'thumb')]);
  await makeMedia(media, 'page', { title: TRAVERSAL_TITLE });
  // An HLS playlist whose "segments" are local files and protocol tricks.
  writeFileSync(path.join(media, 'evil.m3u8'), '#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:///etc/passwd\n#EXTINF:1,\nconcat:/etc/passwd|/etc/hostname\n#EXT-X-ENDLIST\n');
  server = await startMediaServer(media);
  sandbox = env.tmp('inj-sandbox');
  out = path.join(sandbox, 'out');
  mkdirSync(out);
  marker = path.join(sandbox, 'MARKER');
}, 120_000);
afterAll(async () => {
  await server?.close();
  env?.dispose();
});

const onlyOutInSandbox = () => expect(readdirSync(sandbox)).toEqual(['out']);

describe('injection through the host', () => {
  it('option-like and non-http URLs get clean errors; nothing runs', async () => {
    const h = env.start({ NEXSTREAM_DOWNLOAD_DIR: out });
    const urls = [
      `--exec=touch ${marker}`,
      `--exec touch ${marker}`,
      `-o ${path.join(sandbox, 'x')}`,
      '-J',
      'file:///etc/passwd',
      `concat:/etc/passwd|${marker}`,
      'subfile,,start,0,end,100,,:/etc/passwd',
      `javascript:require('child_process').execSync('touch ${marker}')`,
      ` http://127.0.0.1:9/x`,
      `${server.url}direct.mp4\n--exec touch ${marker}`,
    ];
    let i = 0;
    for (const url of urls) {
      const id = `inj-${i++}`;
      h.send({ id, type: 'probe', url });
      const res = await h.reply(id, 30_000);
      expect(res.ok, `probe ${JSON.stringify(url)}`).toBe(false);
      expect((res.error as { code: string }).code).toMatch(/^(input\.|media\.)/);
      // A download is refused at the door, or (a URL that merely needs trimming) fails as a job: never a file.
      const dl = await hostDownloadOutcome(h, url, 'mp3-320', out, 30_000);
      expect(dl.ok, `download ${JSON.stringify(url)}`).toBe(false);
      if (!dl.ok) expect(dl.code).toMatch(/^(input\.|media\.)/);
    }
    // Options riding inside a valid http URL are just part of the URL (yt-dlp gets it after `--`).
    const sneaky = `${server.url}direct.mp4?a=--exec%20touch%20${encodeURIComponent(marker)}&b=-o/tmp/x`;
    const r = await hostDownloadOutcome(h, sneaky, 'm4a', out);
    expect(r.ok).toBe(true);
    h.child.stdin.end();
    await h.exited;
    expect(existsSync(marker)).toBe(false);
    expect(existsSync('/tmp/x')).toBe(false);
    onlyOutInSandbox();
  }, 120_000);

  it('a title with ../, quotes, $(...) and SQL becomes a safe name inside the target folder', async () => {
    const h = env.start({ NEXSTREAM_DOWNLOAD_DIR: out });
    const viaPage = await hostDownloadOutcome(h, `${server.url}page.html`, 'mp3-320', out);
    if (!viaPage.ok) throw new Error(`page download failed: ${viaPage.code}`);
    // The request's own title and tags try the same (the extension passes page metadata through).
    const id = 'tagged';
    h.send({ id, type: 'download', url: `${server.url}direct.mp4`, preset: 'm4a', outDir: out, title: '../../evil', tags: { title: "../x'; DROP TABLE tracks; --", artist: '$(touch MARKER)' } });
    const res = await h.reply(id, 15_000);
    const jobId = (res.result as { jobId: string }).jobId;
    const done = await h.waitFor((m) => (m.event === 'job.done' || m.event === 'job.failed') && m.jobId === jobId, 60_000);
    expect(done.event).toBe('job.done');
    for (const p of [viaPage.path, String(done.path)]) {
      expect(path.dirname(p)).toBe(out);
      expect(path.basename(p)).not.toMatch(/^[.-]|[/\\]/);
    }
    h.child.stdin.end();
    await h.exited;
    onlyOutInSandbox();
    expect(existsSync(marker)).toBe(false);
    expect(existsSync('/tmp/pwned')).toBe(false);
    expect(readdirSync(out).every((f) => !f.endsWith('.part'))).toBe(true);
  }, 120_000);

  it('an HLS playlist pointing at file:// and concat: reads nothing local', async () => {
    const h = env.start({ NEXSTREAM_DOWNLOAD_DIR: out });
    const before = new Set(readdirSync(out));
    const r = await hostDownloadOutcome(h, `${server.url}evil.m3u8`, 'mp3-320', out);
    expect(r.ok).toBe(false);
    expect(readdirSync(out).filter((f) => !before.has(f))).toEqual([]);
    h.child.stdin.end();
    await h.exited;
    onlyOutInSandbox();
  }, 60_000);
});

describe('injection through the CLI', () => {
  const cli = (args: string[]) =>
    promisify(execFile)(process.execPath, [env.entry, ...args], { env: { PATH: process.env.PATH ?? '', HOME: sandbox, NEXSTREAM_DOWNLOAD_DIR: out, ...LOOPBACK_ENV } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('refuses option smuggling and local files with a clean exit code', async () => {
    const cases = [
      ['download', '--exec', `touch ${marker}`, '--preset', 'best'],
      ['download', `--exec=touch ${marker}`],
      ['download', '--', `--exec=touch ${marker}`, '--json'],
      ['download', 'file:///etc/passwd', '--json'],
      ['probe', 'concat:/etc/passwd|/etc/hostname', '--json'],
      ['probe', '--', '-o/tmp/x'],
    ];
    for (const args of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout).not.toContain('root:x:0:0');
    }
    expect(existsSync(marker)).toBe(false);
    expect(existsSync('/tmp/x')).toBe(false);
    expect(readdirSync(sandbox).filter((f) => !['out', '.config', '.local'].includes(f))).toEqual([]);
  }, 60_000);
});
