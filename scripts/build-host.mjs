#!/usr/bin/env node
// Bundles the native host + CLI into dist/nexstream.mjs (+ dist/chunks/) so the browser-started host boots fast
// (no TypeScript loader at run time). Options: scripts/host-build-options.mjs.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { hostBuildOptions } from './host-build-options.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
await build({ ...hostBuildOptions(root, path.join(root, 'dist')), sourcemap: 'linked' });
