/**
 * Real yt-dlp + ffmpeg against a cookie-gated local site (403 without the session cookie, as a signed-in site answers):
 * `nexstream download` fails with a sign-in code without cookies and works with `--cookies FILE`; afterwards the cookie
 * value is nowhere under the data, config and download folders, the log, or the temp folder. Bad cookie files are
 * refused clearly and leave nothing behind.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../native-host/cli/index.js';
import { makeMedia, pageHtml } from '../../../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../../../fixtures/media-server.js';
import { capturedStreams } from '../../../fixtures/captured-streams.js';

const SECRET = `s3cr3t-${process.pid}-${Date.now()}`;
let dir: string;
let home: string;
let server: MediaServer;
const url = (p: string) => new URL(p, server.url).href;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nexstream-gated-'));
  home = await mkdtemp(path.join(tmpdir(), 'nexstream-cookiehome-'));
  await mkdir(path.join(dir, 'gated'));
  await Promise.all([makeMedia(path.join(dir, 'gated'), 'direct-mp4'), makeMedia(path.join(dir, 'gated'), 'thumb')]);
  await writeFile(path.join(dir, 'gated', 'page.html'), pageHtml('Members Clip'));
  server = await startMediaServer(dir, { cookieGate: { prefix: '/gated/', name: 'nexsession', value: SECRET } });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

const env = () => ({ PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') });
async function cli(args: string[]) {
  const s = capturedStreams();
  const code = await main(args, { stdout: s.stdout, stderr: s.stderr, env: env() });
  return { code, stdout: s.out(), stderr: s.err(), last: () => JSON.parse(s.out().trim().split('\n').at(-1)!) };
}

/** Every file under `root` whose bytes contain `needle`. */
function filesContaining(root: string, needle: string): string[] {
  if (!existsSync(root)) return [];
  const hits: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(path.join(p, n));
    else if (st.isFile() && readFileSync(p).includes(needle)) hits.push(p);
  };
  walk(root);
  return hits;
}

const cookieLine = (domain: string, value = SECRET) => `${domain}\tFALSE\t/\tFALSE\t0\tnexsession\t${value}`;

describe('signed-in downloads with a cookies.txt', () => {
  it('without cookies: the sign-in code (403), nothing written', async () => {
    const out = path.join(home, 'out-none');
    const r = await cli(['download', url('gated/page.html'), '--preset', 'best', '--out', out, '--json']);
    expect(r.code).toBe(1);
    expect(r.last()).toMatchObject({ type: 'error', code: 'media.forbidden', fix: expect.stringContaining('--cookies') });
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('with --cookies: the file arrives, and the cookie value is left nowhere', async () => {
    const jarDir = await mkdtemp(path.join(tmpdir(), 'nexstream-jar-'));
    const jar = path.join(jarDir, 'cookies.txt');
    await writeFile(jar, `# Netscape HTTP Cookie File\n${cookieLine('127.0.0.1')}\n`);
    const out = path.join(home, 'downloads');
    const tmpBefore = readdirSync(tmpdir()).filter((n) => n.startsWith(`nexstream-ck-${process.pid}-`));
    const r = await cli(['download', url('gated/page.html'), '--preset', 'best', '--out', out, '--json', '--cookies', jar, '--verbose']);
    await rm(jarDir, { recursive: true, force: true });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const done = r.last();
    expect(done).toMatchObject({ type: 'done' });
    expect(statSync(done.path).size).toBeGreaterThan(10_000);
    // The gated media was fetched with the cookie (ffmpeg -cookies), and the session is nowhere afterwards.
    expect(server.requests.filter((p) => p === '/gated/direct.mp4').length).toBeGreaterThan(0);
    expect(filesContaining(home, SECRET)).toEqual([]);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`nexstream-ck-${process.pid}-`))).toEqual(tmpBefore);
    // The log was written (so the check above looked at it) and shows the ffmpeg command with the value redacted.
    const logs: string[] = [];
    const walk = (p: string): void => void (statSync(p).isDirectory() ? readdirSync(p).forEach((n) => walk(path.join(p, n))) : p.endsWith('.log') && logs.push(p));
    walk(home);
    const logText = logs.map((f) => readFileSync(f, 'utf8')).join('');
    expect(logText).toMatch(/-cookies '?\*\*\*/);
    expect(logText).toContain('--cookies');
  });

  it('malformed, huge and other-domain cookie files are refused clearly', async () => {
    const d = await mkdtemp(path.join(tmpdir(), 'nexstream-badjar-'));
    const files = {
      malformed: 'this is not\ta cookie file\n',
      other: `${cookieLine('.example.org')}\n`,
      huge: `${cookieLine('127.0.0.1')}\n`.repeat(40_000),
    };
    const expected = { malformed: /line 1 is not a Netscape cookie line/, other: /no current cookies for 127\.0\.0\.1 \(it is for example\.org\)/, huge: /larger than 1024 KiB/ };
    for (const [name, text] of Object.entries(files)) {
      await writeFile(path.join(d, name), text);
      const out = path.join(home, `out-${name}`);
      const r = await cli(['download', url('gated/page.html'), '--preset', 'best', '--out', out, '--cookies', path.join(d, name)]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(expected[name as keyof typeof expected]);
      expect(r.stderr).toContain('error [input.invalid]: Cookie file refused');
      expect(existsSync(out), name).toBe(false);
    }
    await rm(d, { recursive: true, force: true });
  });
});
