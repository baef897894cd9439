/**
 * Builds what the e2e needs when it is missing or older than its sources (a fresh clone, or edits
 * since `npm run build`), so `vitest run tests/e2e` works on its own.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const staleAgainst = (output: string, sources: string[]): boolean =>
  !existsSync(output) || sources.some((s) => existsSync(s) && newestMtime(s) > statSync(output).mtimeMs);

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `fn` holding a lock directory, so e2e files started in parallel do not build over each other
 * (wxt empties .output/chrome-mv3 while another suite's Chromium runs from it). A lock older than
 * two minutes is a crashed build and is taken over.
 */
function withBuildLock(fn: () => void): void {
  // Outside .output, which a build may clean; one lock per checkout.
  const lock = path.join(os.tmpdir(), `nexstream-e2e-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const st = statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function ensureBuilt(): void {
  withBuildLock(buildIfStale);
}

/** The Firefox MV3 build (and the host), for the Firefox e2e. */
export function ensureFirefoxBuilt(): void {
  withBuildLock(() => {
    buildIfStale({ extension: false });
    if (staleAgainst(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), [path.join(ROOT, 'extension'), path.join(ROOT, 'shared'), path.join(ROOT, 'public')])) {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'inherit' });
    }
  });
}

function buildIfStale({ extension = true } = {}): void {
  const src = (...p: string[]) => path.join(ROOT, ...p);
  if (staleAgainst(src('dist/nexstream.mjs'), [src('native-host'), src('shared')])) {
    execFileSync(process.execPath, [src('scripts/build-host.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  if (extension && staleAgainst(path.join(EXTENSION_DIR, 'manifest.json'), [src('extension'), src('shared'), src('public')])) {
    execFileSync(process.execPath, [src('node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}
