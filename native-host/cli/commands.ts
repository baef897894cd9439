/**
 * The one map of CLI commands. To add one: write cli/<name>.ts exporting a Command, import it here,
 * add one line. tests/unit/native-host/cli/commands.test.ts checks every command has usage text.
 */
import type { Command } from './types.js';
import { probe } from './probe.js';
import { download } from './download.js';
import { host } from './host.js';
import { install, uninstall } from './install.js';
import { doctor } from './doctor.js';
import { version } from './version.js';
import { resolve } from './resolve.js';

export const commands: Record<string, Command> = {
  probe,
  download,
  host,
  install,
  uninstall,
  doctor,
  version,
  resolve,
};
