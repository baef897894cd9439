import { TARGET_FRAME_BYTES, type LogLine } from '../../shared/protocol/index.js';
import type { Handler } from './types.js';

/** Returns the newest lines that fit one frame budget, so a big tail never trips the size guard. */
export const logsTail: Handler<'logs.tail'> = async (req, ctx) => {
  const lines = ctx.log.tail(req.jobId, req.limit ?? 200);
  const out: LogLine[] = [];
  let bytes = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as LogLine;
    bytes += Buffer.byteLength(JSON.stringify(line)) + 1;
    if (bytes > TARGET_FRAME_BYTES) break;
    out.push(line);
  }
  return { lines: out.reverse() };
};
