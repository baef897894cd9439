/**
 * A download folder the host may use: absolute, no control characters, outside system directories (also
 * through symlinks), and either an existing writable folder or creatable under one. Checked, never created.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Never a download target, nor anything inside them (POSIX; `/` itself only exactly). */
const SYSTEM_DIRS = ['/etc', '/bin', '/sbin', '/usr', '/lib', '/lib32', '/lib64', '/libx32', '/boot', '/dev', '/proc', '/sys', '/run', '/var/lib', '/var/log', '/var/run', '/var/spool', '/var/cache', '/var/db', '/System', '/Library', '/private/etc', '/private/var/db', '/snap'];

function windowsSystemDirs(env: Record<string, string | undefined>): string[] {
  return [env.SystemRoot ?? 'C:\\Windows', env.ProgramFiles ?? 'C:\\Program Files', env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', env.ProgramData ?? 'C:\\ProgramData'];
}

const CONTROL = /[\u0000-\u001f\u007f]/;

function inside(dir: string, root: string, p: typeof path): boolean {
  const rel = p.relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
}

/** The problem with `dir` as a download folder, or null when it is usable. */
export function downloadDirProblem(dir: string, opts: { platform?: NodeJS.Platform; env?: Record<string, string | undefined> } = {}): string | null {
  const platform = opts.platform ?? process.platform;
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (CONTROL.test(dir)) return 'must not contain control characters';
  if (!p.isAbsolute(dir)) return 'must be an absolute path (it would be relative to the browser’s working folder)';
  const norm = p.resolve(dir);
  const system = platform === 'win32' ? windowsSystemDirs(opts.env ?? process.env) : SYSTEM_DIRS;
  const isSystem = (d: string) => (platform !== 'win32' && d === '/') || system.some((s) => inside(platform === 'win32' ? d.toLowerCase() : d, platform === 'win32' ? s.toLowerCase() : s, p));
  if (isSystem(norm)) return 'is a system folder';
  // The nearest folder that exists decides: it must be a writable directory (also not a system one via a symlink).
  for (let cur = norm; ; cur = p.dirname(cur)) {
    let st;
    try {
      st = statSync(cur);
    } catch {
      if (p.dirname(cur) === cur) return 'cannot be created';
      continue;
    }
    if (!st.isDirectory()) return cur === norm ? 'is a file, not a folder' : `cannot be created: ${cur} is a file`;
    try {
      const real = realpathSync(cur);
      if (isSystem(real === cur ? norm : p.join(real, p.relative(cur, norm)))) return 'is a system folder (through a link)';
      accessSync(cur, constants.W_OK | constants.X_OK);
    } catch {
      return cur === norm ? 'is not writable' : `cannot be created: ${cur} is not writable`;
    }
    return null;
  }
}
