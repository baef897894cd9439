/** Structured logging: stdout is the wire, so lines go to batched `log` events and a rotating file. */
export { Logger, type LogInput, type LoggerOptions } from './log/logger.js';
export { WireBatcher, type WireBatcherOptions } from './log/wire-batcher.js';
export { FileSink, type FileSinkOptions } from './log/file-sink.js';
export { LogRing } from './log/ring.js';
