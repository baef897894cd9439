import type { Command } from './types.js';

/** A command whose owner has not registered it yet (see ./commands.ts). */
export function pendingCommand(name: string, summary: string): Command {
  return {
    summary: `${summary} (not available yet)`,
    usage: `nexstream ${name}`,
    async run(_args, io) {
      io.stderr.write(`nexstream ${name}: not available in this build yet\n`);
      return 1;
    },
  };
}
