/** `which`, without a shell: an explicit path from the environment, else the first match on PATH. */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

async function isExecutable(p: string): Promise<boolean> {
  try {
    if (!(await stat(p)).isFile()) return false;
    await access(p, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param name bare tool name, e.g. 'yt-dlp'
 * @param override value of the tool's environment variable (absolute path, or a name to look up on PATH)
 */
export async function findExecutable(name: string, env: NodeJS.ProcessEnv, override?: string): Promise<string | null> {
  const wanted = override?.trim() || name;
  if (wanted.includes('/') || wanted.includes(path.sep)) return (await isExecutable(path.resolve(wanted))) ? path.resolve(wanted) : null;
  const exts = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').map((e) => e.toLowerCase())] : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const p = path.join(dir, wanted + ext);
      if (await isExecutable(p)) return p;
    }
  }
  return null;
}
