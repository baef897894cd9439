import type { BuildOptions } from 'esbuild';
export declare const HOST_EXTERNALS: string[];
export declare function hostBuildOptions(root: string, outfile: string): BuildOptions;
