/**
 * What bin/nexstream.mjs loads: a small first chunk. A cold download or probe starts its `yt-dlp -J`
 * (early-probe.ts) before the rest of the CLI (execa, zod schemas, resolver, ...) is loaded, so
 * Python's start-up and Node's module loading overlap.
 */
import { startEarlyProbe } from './early-probe.js';
import type { CliIo } from './types.js';

export async function main(argv: string[], io?: CliIo): Promise<number> {
  await startEarlyProbe(argv, io?.env ?? process.env);
  const cli = await import('./index.js');
  return io ? cli.main(argv, io) : cli.main(argv);
}
