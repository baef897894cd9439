#!/usr/bin/env node
// Bundles the native host + CLI into one ESM file so the browser-started host boots fast
// (no TypeScript loader at run time). Pure-JS dependencies are bundled too: loading execa's ~100
// ESM files one by one cost more start-up than the whole rest of the bundle. Kept external: the
// libSQL driver (native addon) and the LLM SDKs; all three are imported lazily, only by resolves.
// tests/integration/host/host-process.ts builds the same way: keep HOST_EXTERNALS in sync.
const HOST_EXTERNALS = ['@libsql/client', 'groq-sdk', '@google/generative-ai'];
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
  external: HOST_EXTERNALS,
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (cross-spawn) call require() for Node built-ins.
  banner: { js: "// Built by scripts/build-host.mjs from native-host/. Do not edit.\nimport { createRequire as __nexCreateRequire } from 'node:module';\nconst require = __nexCreateRequire(import.meta.url);" },
});
