/**
 * The one map of CLI commands. To add one: write cli/<name>.ts exporting a Command, import it here,
 * add one line. tests/unit/host/cli/commands.test.ts checks every command has usage text.
 */
import type { Command } from './types.js';
import { host } from './host.js';
import { version } from './version.js';
import { pendingCommand } from './pending.js';

export const commands: Record<string, Command> = {
  host,
  version,
  // Resolver engineer: replace this line with your import from ./resolve.js.
  resolve: pendingCommand('resolve', 'Find the official track and the best video for a link or "Artist - Title"'),
};
