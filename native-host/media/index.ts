/** The media pipeline: tool discovery, probe, download. Callers import from here only. */
export type * from './types.js';
export { discoverTools, toolReport, type DiscoverOptions, type ToolPaths } from './tools.js';
export { probe } from './probe.js';
export { probeCache } from './probe-cache.js';
export { probeGate } from './probe.js';
export { liveChildCount, MAX_LIVE_CHILDREN } from './supervise.js';
export { download } from './pipeline.js';
export { cleanupStaleParts } from './part-files.js';
export { playlistStore, PlaylistStore } from './playlist-store.js';
export { probeEntries } from './probe-entries.js';
