/** The `nexstream` entry: picks a command from the map and runs it. bin/nexstream.mjs calls main(). */
import { commands } from './commands.js';
import { renderHelp } from './help.js';
import { EXIT, type CliIo } from './types.js';

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(renderHelp(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') return commands.version?.run([], io) ?? EXIT.failed;
  // Chrome on Windows/macOS may start the host with only the origin as argument.
  if (/^chrome-extension:\/\//.test(name)) return commands.host?.run(argv, io) ?? EXIT.failed;
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr.write(`nexstream: unknown command "${name}"\n\n${renderHelp(commands)}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.stderr.write(`nexstream ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failed;
  }
}
