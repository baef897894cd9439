#!/usr/bin/env node
// Bundles the native host + CLI into dist/nexstream.mjs (+ dist/chunks/) so the browser-started host boots fast
// (no TypeScript loader at run time). Options: scripts/host-build-options.mjs.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { hostBuildOptions } from './host-build-options.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Chunks of earlier builds would pile up (their names carry content hashes).
rmSync(path.join(root, 'dist/chunks'), { recursive: true, force: true });
await build({ ...hostBuildOptions(root, path.join(root, 'dist')), sourcemap: 'linked' });
