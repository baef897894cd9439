export { FrameDecoder, SKIPPABLE_FRAME_BYTES, type DecodedFrame } from './frame-decoder.js';
export { encodeFrame, jsonBytes } from './frame-encoder.js';
export { fitFrames } from './size-guard.js';
export { FrameWriter, type FrameSink } from './frame-writer.js';
export { claimStdout } from './stdout-guard.js';
export { readFrames, type InboundHandlers } from './inbound.js';
