/**
 * The executable a manifest points to. Browsers need an absolute path to something executable and
 * start it with a minimal environment, so it names node and the entry script by absolute path.
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
  return `#!/bin/sh\n# Written by \`nexstream install\`; \`nexstream uninstall\` removes it.\nexec ${shQuote(nodePath)} ${shQuote(entry)} host "$@"\n`;
}

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
