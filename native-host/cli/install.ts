import { parseArgs } from 'node:util';
import { install as runInstall, uninstall as runUninstall, BROWSER_SPECS, FLATPAK_APPS, type InstallResult } from '../install/index.js';
import { reportError, usageError } from './common.js';
import type { Command, CliIo } from './types.js';

const options = { browser: { type: 'string', multiple: true }, 'profile-dir': { type: 'string', multiple: true }, json: { type: 'boolean' } } as const;

const installUsage = `nexstream install [--browser NAME|all]... [--profile-dir DIR]... [--json]

Registers the native host. With no --browser: every browser found here (its config dir exists or
its executable is on PATH; Flatpak browsers by ~/.var/app/<app-id>), and says which. --browser all:
every known path. NAME is one of ${BROWSER_SPECS.map((b) => b.id).join(', ')},
or a Flatpak app id (Linux): ${FLATPAK_APPS.map((a) => a.appId).join(', ')}.
--profile-dir writes <DIR>/NativeMessagingHosts/ for a Chromium started with --user-data-dir=DIR
(then only that, unless --browser is given too). Idempotent; \`nexstream uninstall\` removes
exactly what it wrote. \`nexstream doctor\` checks each browser (and the Flatpak override).`;

const uninstallUsage = `nexstream uninstall [--browser NAME|all]... [--profile-dir DIR]... [--json]

Removes what \`nexstream install\` wrote (all of it, or only the given browsers / profile dirs).`;

function renderInstall(res: InstallResult): string {
  const lines = [`launcher: ${res.launcher}`];
  if (res.detected) {
    lines.push(res.detected.length ? `found ${res.detected.length} browser(s): ${res.detected.map((f) => `${f.id} (${f.by === 'path' ? 'on PATH' : f.by}: ${f.where})`).join(', ')}` : 'no browsers found: name one with --browser NAME, or --browser all');
  }
  for (const m of res.manifests) {
    const also = m.shared?.length ? ` (also ${m.shared.join(', ')})` : '';
    lines.push(`${m.browser.padEnd(9)} ${m.path}${m.registryKey ? `  (${m.registryKey})` : ''}${also}`);
  }
  if (res.manifests.some((m) => m.launcher)) lines.push('Flatpak browsers also need the override `nexstream doctor` prints.');
  return `${lines.join('\n')}\n`;
}

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
      else io.stdout.write(renderInstall(res));
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
