/** Executable lookup without a shell (the `which` package): an explicit path or name, else the first match on PATH. */
import path from 'node:path';
import which from 'which';

/**
 * @param name bare tool name, e.g. 'yt-dlp'
 * @param env where PATH (and PATHEXT on Windows) come from
 * @param override a configured path (absolute, or a name to look up on PATH) that replaces `name`
 */
export async function findExecutable(name: string, env: NodeJS.ProcessEnv, override?: string | null): Promise<string | null> {
  const wanted = override?.trim() || name;
  if (wanted.includes('/') || wanted.includes(path.sep)) return which(path.resolve(wanted), { nothrow: true });
  // Empty PATH entries would mean "the current directory" to which: never look there.
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  if (!dirs.length) return null;
  return which(wanted, { path: dirs.join(path.delimiter), nothrow: true, ...(env.PATHEXT ? { pathExt: env.PATHEXT } : {}) });
}
