/**
 * The one map of CLI commands. To add one: write cli/<name>.ts exporting a Command, import it here,
 * add one line. tests/unit/host/cli/commands.test.ts checks every command has usage text.
 */
import type { Command } from './types.js';
import { probe } from './probe.js';
import { download } from './download.js';
import { host } from './host.js';
import { install, uninstall } from './install.js';
import { doctor } from './doctor.js';
import { version } from './version.js';
import { pendingCommand } from './pending.js';

export const commands: Record<string, Command> = {
  probe,
  download,
  host,
  install,
  uninstall,
  doctor,
  version,
  // Resolver engineer: replace this line with your import from ./resolve.js.
  resolve: pendingCommand('resolve', 'Find the official track and the best video for a link or "Artist - Title"'),
};
