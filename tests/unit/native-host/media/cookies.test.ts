/** The per-job cookie file: private modes, gone after dispose, stale ones swept; parsing and scoping. */
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cookiesForSite, ffmpegCookies, fromBrowserCookies, parseNetscapeCookies, sweepCookieDirs, writeCookieFile } from '../../../../native-host/media/cookies.js';
import { withCookies } from '../../../../native-host/media/source-cookies.js';

const root = await mkdtemp(path.join(tmpdir(), 'nexstream-cookieunit-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const jar = parseNetscapeCookies('# Netscape HTTP Cookie File\n.youtube.com\tTRUE\t/\tTRUE\t0\tSID\tabc\n#HttpOnly_www.youtube.com\tFALSE\t/\tTRUE\t0\tHSID\tdef\n.google.com\tTRUE\t/\tTRUE\t0\tNID\tzzz\n');

describe('cookies', () => {
  it('parses Netscape lines (HttpOnly ones too) and keeps only the site’s', () => {
    expect(jar.map((c) => [c.name, c.httpOnly])).toEqual([['SID', false], ['HSID', true], ['NID', false]]);
    expect(cookiesForSite(jar, 'https://www.youtube.com/watch?v=x').map((c) => c.name)).toEqual(['SID', 'HSID']);
    expect(() => cookiesForSite(jar, 'https://vimeo.com/1')).toThrow(/no current cookies for vimeo\.com/);
  });

  it('writes a 0600 file in a 0700 directory, removed by dispose', async () => {
    const f = await writeCookieFile(jar, root);
    expect(statSync(f.path).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(f.path)).mode & 0o777).toBe(0o700);
    expect(await readFile(f.path, 'utf8')).toContain('#HttpOnly_www.youtube.com\tFALSE\t/\tTRUE\t0\tHSID\tdef');
    await f.dispose();
    await f.dispose();
    expect(existsSync(path.dirname(f.path))).toBe(false);
  });

  it('sweeps directories of dead hosts only', async () => {
    await mkdir(path.join(root, 'nexstream-ck-999999999-abc'));
    await mkdir(path.join(root, `nexstream-ck-${process.pid}-live`));
    expect(await sweepCookieDirs(root)).toBe(1);
    expect(existsSync(path.join(root, `nexstream-ck-${process.pid}-live`))).toBe(true);
  });

  it('browser cookies: host-only ones stay host-only; line-breaking values are refused', () => {
    const [c] = fromBrowserCookies([{ domain: 'www.youtube.com', name: 'a', value: 'b', hostOnly: true, secure: true, expirationDate: 1.9e9 }]);
    expect(c).toMatchObject({ includeSubdomains: false, secure: true, expires: 1900000000 });
    expect(() => fromBrowserCookies([{ domain: 'x.com', name: 'a', value: 'b\nc' }])).toThrow(/Cookie file refused|wrong form/);
  });

  it('ffmpeg inputs get only their host’s cookies, and yt-dlp 2023’s Cookie header is dropped', () => {
    const plan = withCookies({ feeders: [], video: { url: 'https://www.youtube.com/v.mp4', headers: { Cookie: 'SID=abc', 'User-Agent': 'x' } }, audio: { url: 'https://cdn.example/a.m4a' } }, jar);
    expect(plan.video).toMatchObject({ headers: { 'User-Agent': 'x' }, cookies: ffmpegCookies(cookiesForSite(jar, 'https://www.youtube.com/')) });
    expect(plan.video?.headers).not.toHaveProperty('Cookie');
    expect(plan.audio?.cookies).toBeUndefined();
    expect(ffmpegCookies(jar.slice(0, 1), false)).toBe('SID=abc; path=/;\r\n');
  });
});
