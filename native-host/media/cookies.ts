/**
 * Per-job cookies: parsed from a Netscape cookies.txt (CLI `--cookies`) or the browser's cookies (extension), kept in
 * memory, written only as a 0600 file in a private 0700 directory for yt-dlp while the job runs, and given to ffmpeg as
 * its `-cookies` option (redacted from every logged command line). Values never reach a log, the panel or the registry.
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NexError } from '../../shared/errors.js';

export interface Cookie {
  domain: string;
  /** Also sent to subdomains (Netscape "TRUE"; a browser cookie that is not host-only). */
  includeSubdomains: boolean;
  path: string;
  secure: boolean;
  /** Unix seconds; 0 = session cookie. */
  expires: number;
  name: string;
  value: string;
  httpOnly: boolean;
}

export const MAX_COOKIE_FILE_BYTES = 1024 * 1024;
export const MAX_COOKIES = 3000;
const TOKEN = /^[^\s;,=]{1,256}$/;
const VALUE = /^[^\s;,\r\n]{0,8192}$/;

/** 'www.youtube.com' and '.youtube.com': is the cookie for this host (its own, a parent, or a subdomain of it)? */
export function cookieFitsHost(domain: string, host: string): boolean {
  const d = domain.replace(/^\./, '').toLowerCase();
  const h = host.toLowerCase();
  return h === d || h.endsWith(`.${d}`) || d.endsWith(`.${h}`);
}

function bad(why: string, details?: Record<string, unknown>): NexError {
  return new NexError('input.invalid', `Cookie file refused: ${why}`, details);
}

/** Netscape format, as yt-dlp and curl take it; `#HttpOnly_` lines are cookies, other `#` lines comments. */
export function parseNetscapeCookies(text: string): Cookie[] {
  if (Buffer.byteLength(text) > MAX_COOKIE_FILE_BYTES) throw bad(`larger than ${MAX_COOKIE_FILE_BYTES / 1024} KiB (export only the site you need).`);
  const out: Cookie[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    let line = raw;
    let httpOnly = false;
    if (line.startsWith('#HttpOnly_')) {
      line = line.slice('#HttpOnly_'.length);
      httpOnly = true;
    } else if (!line.trim() || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f.length !== 7) throw bad(`line ${i + 1} is not a Netscape cookie line (7 tab-separated fields).`, { line: i + 1 });
    const [domain = '', sub = '', p = '', secure = '', expires = '', name = '', value = ''] = f;
    if (!/^\.?[A-Za-z0-9.-]{1,253}$/.test(domain) || !['TRUE', 'FALSE'].includes(sub.toUpperCase()) || !p.startsWith('/') || !['TRUE', 'FALSE'].includes(secure.toUpperCase()) || !/^\d{1,12}$/.test(expires) || !TOKEN.test(name) || !VALUE.test(value))
      throw bad(`line ${i + 1} has a field in the wrong form.`, { line: i + 1 });
    out.push({ domain, includeSubdomains: sub.toUpperCase() === 'TRUE', path: p, secure: secure.toUpperCase() === 'TRUE', expires: Number(expires), name, value, httpOnly });
    if (out.length > MAX_COOKIES) throw bad(`more than ${MAX_COOKIES} cookies (export only the site you need).`);
  }
  if (!out.length) throw bad('no cookies in it (is it a Netscape cookies.txt?).');
  return out;
}

/** The cookies for `url`'s site; refuses a jar that has none (a file exported for another site). */
export function cookiesForSite(jar: Cookie[], url: string): Cookie[] {
  const host = new URL(url).hostname;
  const now = Date.now() / 1000;
  const mine = jar.filter((c) => cookieFitsHost(c.domain, host) && (c.expires === 0 || c.expires > now));
  if (!mine.length) {
    const domains = [...new Set(jar.map((c) => c.domain.replace(/^\./, '')))].slice(0, 5).join(', ');
    throw bad(`it has no current cookies for ${host} (it is for ${domains}).`, { host });
  }
  return mine;
}

/** The extension's cookies -> the jar; names/values that could break the file's lines are refused. */
export function fromBrowserCookies(list: Array<{ domain: string; name: string; value: string; path?: string; secure?: boolean; httpOnly?: boolean; hostOnly?: boolean; expirationDate?: number }>): Cookie[] {
  return list.map((c, i) => {
    if (!/^\.?[A-Za-z0-9.-]{1,253}$/.test(c.domain) || !TOKEN.test(c.name) || /[\t\r\n]/.test(c.value) || !(c.path ?? '/').startsWith('/'))
      throw bad(`browser cookie ${i + 1} (${c.name.slice(0, 40)}) has a field in the wrong form.`);
    return { domain: c.domain, includeSubdomains: !c.hostOnly, path: c.path || '/', secure: !!c.secure, expires: Math.floor(c.expirationDate ?? 0), name: c.name, value: c.value, httpOnly: !!c.httpOnly };
  });
}

export function toNetscape(jar: Cookie[]): string {
  const line = (c: Cookie) => [`${c.httpOnly ? '#HttpOnly_' : ''}${c.domain}`, c.includeSubdomains ? 'TRUE' : 'FALSE', c.path, c.secure ? 'TRUE' : 'FALSE', String(c.expires), c.name, c.value].join('\t');
  return `# Netscape HTTP Cookie File\n${jar.map(line).join('\n')}\n`;
}

/**
 * ffmpeg's `-cookies`: one Set-Cookie-style line per cookie (what yt-dlp's FFmpegFD passes too). ffmpeg 5.1 compares
 * `domain=` with "host:port", so a URL with an explicit port gets the lines without it (already scoped to that host).
 */
export function ffmpegCookies(jar: Cookie[], withDomain = true): string {
  return jar.map((c) => `${c.name}=${c.value}; path=${c.path};${withDomain ? ` domain=${c.domain};` : ''}\r\n`).join('');
}

export interface CookieFile {
  path: string;
  dispose(): Promise<void>;
}

/** A 0600 cookies.txt in a fresh 0700 directory (mkdtemp); dispose() removes both, and is safe to call twice. */
export async function writeCookieFile(jar: Cookie[], dir = tmpdir()): Promise<CookieFile> {
  // The pid in the name lets the next start remove what a killed host left (sweepCookieDirs).
  const d = await mkdtemp(path.join(dir, `nexstream-ck-${process.pid}-`));
  const file = path.join(d, 'cookies.txt');
  try {
    await writeFile(file, toNetscape(jar), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    await rm(d, { recursive: true, force: true });
    throw e;
  }
  return { path: file, dispose: () => rm(d, { recursive: true, force: true }) };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes cookie directories of hosts that died without cleaning up (kill -9); live hosts' ones stay. */
export async function sweepCookieDirs(dir = tmpdir()): Promise<number> {
  let n = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = /^nexstream-ck-(\d+)-/.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
    n++;
  }
  return n;
}

/** `--cookies FILE`: size checked before reading, then parsed and narrowed to the site (clear errors otherwise). */
export async function readCookieFile(file: string, url: string): Promise<Cookie[]> {
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) throw bad(`${file} is not a readable file.`);
  if (st.size > MAX_COOKIE_FILE_BYTES) throw bad(`${file} is larger than ${MAX_COOKIE_FILE_BYTES / 1024} KiB (export only the site you need).`);
  return cookiesForSite(parseNetscapeCookies(await readFile(file, 'utf8')), url);
}
