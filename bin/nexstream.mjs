#!/usr/bin/env node
// The `nexstream` command: runs the bundled host/CLI, building it first on a fresh clone.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bundle = path.join(root, 'dist/nexstream.mjs');
if (!existsSync(bundle)) {
  // stdout may be the native-messaging wire: build output must go to stderr.
  execFileSync(process.execPath, [path.join(root, 'scripts/build-host.mjs')], { stdio: ['ignore', 2, 2] });
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
