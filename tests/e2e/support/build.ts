/**
 * Builds what the e2e needs when it is missing or older than its sources (a fresh clone, or edits
 * since `npm run build`), so `vitest run tests/e2e` works on its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');

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

export function ensureBuilt(): void {
  const src = (...p: string[]) => path.join(ROOT, ...p);
  if (staleAgainst(src('dist/nexstream.mjs'), [src('native-host'), src('shared')])) {
    execFileSync(process.execPath, [src('scripts/build-host.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  if (staleAgainst(path.join(EXTENSION_DIR, 'manifest.json'), [src('extension'), src('shared'), src('public')])) {
    execFileSync(process.execPath, [src('node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}
