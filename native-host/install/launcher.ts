/**
 * The executable a manifest points to. Browsers need an absolute path to something executable and
 * start it with a minimal environment, so it names node and the entry script by absolute path.
 * Started by a Flatpak browser (the sandbox has /.flatpak-info and sets FLATPAK_ID) it cannot see
 * the host's node, yt-dlp or ffmpeg, so it runs the host outside with `flatpak-spawn --host`
 * (which needs `flatpak override --user --talk-name=org.freedesktop.Flatpak <app-id>`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Quote for /bin/sh inside double quotes: only \ " $ ` are special there. */
function shQuote(s: string): string {
  return `"${s.replace(/["\\$`]/g, (c) => `\\${c}`)}"`;
}

export function launcherScript(platform: NodeJS.Platform, nodePath: string, entry: string): string {
  if (platform === 'win32') {
    // %* forwards the origin Chrome passes; cmd has no escaping for ", and Windows paths cannot hold it.
    return `@echo off\r\n"${nodePath}" "${entry}" host %*\r\n`;
  }
  const cmd = `${shQuote(nodePath)} ${shQuote(entry)} host "$@"`;
  return [
    '#!/bin/sh',
    LAUNCHER_MARK,
    '# In a Flatpak sandbox, run the host on the host system (--watch-bus: it ends when the browser does).',
    'if [ -e /.flatpak-info ] || [ -n "$FLATPAK_ID" ]; then',
    `  exec flatpak-spawn --host --watch-bus ${cmd}`,
    'fi',
    `exec ${cmd}`,
    '',
  ].join('\n');
}

/** The second line of every POSIX launcher we write (uninstall removes only files that have it). */
export const LAUNCHER_MARK = '# Written by `nexstream install`; `nexstream uninstall` removes it.';

export function launcherFileName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'nexstream-host.bat' : 'nexstream-host.sh';
}

/** The repo's bin/nexstream.mjs, found from this module whether bundled (dist/) or run from source. */
export function defaultEntry(from = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'bin', 'nexstream.mjs');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find bin/nexstream.mjs above the running module');
}
