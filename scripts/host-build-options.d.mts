import type { BuildOptions } from 'esbuild';
export declare const HOST_EXTERNALS: string[];
/** `<outdir>/<name>.mjs` (default name "nexstream") plus `<outdir>/chunks/`. */
export declare function hostBuildOptions(root: string, outdir: string, name?: string): BuildOptions;
