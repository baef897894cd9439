/** The media pipeline: tool discovery, probe, download. Callers import from here only. */
export type * from './types.js';
export { discoverTools, toolReport } from './tools.js';
export { probe, assertHttpUrl, probeGate } from './probe.js';
export { liveChildCount, MAX_LIVE_CHILDREN } from './supervise.js';
export { ProbeCache, probeCache } from './probe-cache.js';
export { download } from './pipeline.js';
export { cleanupStaleParts } from './part-files.js';
export { safeFileName, uniquePath, PART_SUFFIX } from './filename.js';
export { presetSpec, chooseFormats } from './presets.js';
export { buildFfmpegArgs } from './ffmpeg-args.js';
export { createProgressParser } from './progress.js';
