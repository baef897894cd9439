/**
 * What bin/nexstream.mjs loads: a small first chunk. A cold download or probe starts its `yt-dlp -J`
 * (early-probe.ts) before the rest of the CLI (execa, zod schemas, resolver, ...) is loaded, so
 * Python's start-up and Node's module loading overlap.
 */
import nodeModule from 'node:module';
import path from 'node:path';
import { dataDirOf, platformInfo } from '../config/paths.js';
import { startEarlyProbe } from './early-probe.js';
import type { CliIo } from './types.js';

/**
 * Node >= 22.1 keeps V8's compiled code of the bundle between runs. In the data dir, not Node's
 * default under TMPDIR (downloads leave no temp files). Node 20 has no such API: nothing happens.
 */
function enableCompileCache(env: Record<string, string | undefined>): void {
  const enable = (nodeModule as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable(path.join(dataDirOf(env, platformInfo(env)), 'compile-cache'));
  } catch {
    // Only a start-up speed-up.
  }
}

export async function main(argv: string[], io?: CliIo): Promise<number> {
  const env = io?.env ?? process.env;
  await startEarlyProbe(argv, env);
  enableCompileCache(env);
  const cli = await import('./index.js');
  return io ? cli.main(argv, io) : cli.main(argv);
}
