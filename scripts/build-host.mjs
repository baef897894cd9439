#!/usr/bin/env node
// Bundles the native host + CLI into one ESM file so the browser-started host boots fast
// (no TypeScript loader at run time). Dependencies stay external: they load from node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
await build({
  entryPoints: [path.join(root, 'native-host/cli/index.ts')],
  outfile: path.join(root, 'dist/nexstream.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: { js: '// Built by scripts/build-host.mjs from native-host/. Do not edit.' },
});
