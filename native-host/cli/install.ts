import { parseArgs } from 'node:util';
import { install as runInstall, uninstall as runUninstall, BROWSERS } from '../install/index.js';
import { reportError, usageError } from './common.js';
import type { Command, CliIo } from './types.js';

const options = { browser: { type: 'string', multiple: true }, 'profile-dir': { type: 'string', multiple: true }, json: { type: 'boolean' } } as const;

const installUsage = `nexstream install [--browser NAME]... [--profile-dir DIR]... [--json]

Registers the native host for ${BROWSERS.join(', ')} (default: all). --profile-dir writes
<DIR>/NativeMessagingHosts/ for a Chromium started with --user-data-dir=DIR (then only that,
unless --browser is given too). Idempotent; \`nexstream uninstall\` removes exactly what it wrote.`;

const uninstallUsage = `nexstream uninstall [--browser NAME]... [--profile-dir DIR]... [--json]

Removes what \`nexstream install\` wrote (all of it, or only the given browsers / profile dirs).`;

function parse(args: string[], io: CliIo, usage: string) {
  try {
    const { values } = parseArgs({ args, options });
    return { browsers: values.browser, profileDirs: values['profile-dir'], json: values.json ?? false, env: io.env };
  } catch (e) {
    usageError(io, usage, (e as Error).message);
    return null;
  }
}

export const install: Command = {
  summary: 'Register the native host with your browsers',
  usage: installUsage,
  async run(args, io) {
    const o = parse(args, io, installUsage);
    if (!o) return 2;
    try {
      const res = await runInstall(o);
      if (o.json) io.stdout.write(`${JSON.stringify(res)}\n`);
      else io.stdout.write([`launcher: ${res.launcher}`, ...res.manifests.map((m) => `${m.browser.padEnd(9)} ${m.path}${m.registryKey ? `  (${m.registryKey})` : ''}`), ''].join('\n'));
      return 0;
    } catch (e) {
      return reportError(io, o.json, e);
    }
  },
};

export const uninstall: Command = {
  summary: 'Remove the native host registration',
  usage: uninstallUsage,
  async run(args, io) {
    const o = parse(args, io, uninstallUsage);
    if (!o) return 2;
    try {
      const res = await runUninstall(o);
      if (o.json) io.stdout.write(`${JSON.stringify(res)}\n`);
      else io.stdout.write(res.removed.length ? `removed:\n${res.removed.map((p) => `  ${p}`).join('\n')}\n` : 'nothing to remove\n');
      return 0;
    } catch (e) {
      return reportError(io, o.json, e);
    }
  },
};
