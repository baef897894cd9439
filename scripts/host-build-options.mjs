// The esbuild options for the native host bundle, shared by scripts/build-host.mjs and the
// integration tests' private builds (tests/integration/native-host/host-process.ts), so both bundle alike.
// Pure-JS dependencies are bundled: loading execa's ~100 ESM files one by one cost more start-up
// than the whole rest of the bundle. Kept external: the libSQL driver (native addon), the LLM
// SDKs and youtubei.js; all are imported lazily, only by resolves.
import path from 'node:path';

export const HOST_EXTERNALS = ['@libsql/client', 'groq-sdk', '@google/generative-ai', 'youtubei.js'];

/**
 * Code-split from native-host/cli/entry.ts: `<outdir>/<name>.mjs` is a small first chunk that starts a
 * cold probe's yt-dlp before it imports the rest (`<outdir>/chunks/`), so both overlap.
 * @param {string} root repository root
 * @param {string} outdir
 * @param {string} [name] the entry file's name (without .mjs)
 */
export function hostBuildOptions(root, outdir, name = 'nexstream') {
  return {
    entryPoints: { [name]: path.join(root, 'native-host/cli/entry.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: HOST_EXTERNALS,
    logLevel: 'warning',
    // Bundled CommonJS dependencies name their own file (write-file-atomic hashes __filename into temp names).
    define: { __filename: 'import.meta.filename' },
    // Bundled CommonJS dependencies (cross-spawn) call require() for Node built-ins.
    banner: { js: "// Built from native-host/. Do not edit.\nimport { createRequire as __nexCreateRequire } from 'node:module';\nconst require = __nexCreateRequire(import.meta.url);" },
  };
}
