/** The stdio transport as the host's boot uses it: claim stdout, write frames, read frames. */
export { FrameWriter, type FrameSink } from './frame-writer.js';
export { claimStdout } from './stdout-guard.js';
export { readFrames, type InboundHandlers } from './inbound.js';
