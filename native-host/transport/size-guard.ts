/**
 * Makes sure no frame over the browser's limit is ever produced: Chrome kills the port on a frame
 * over 1 MB, which would lose every job's events. Log batches are split; anything else that is too
 * big is replaced by a small, explicit error so the caller learns what happened.
 */
import { MAX_OUTBOUND_FRAME_BYTES, type HostMessage, type LogLine } from '../../shared/protocol/index.js';
import { jsonBytes } from './frame-encoder.js';

export interface SizedFrame {
  json: string;
  bytes: number;
}

/** A single log line longer than this is cut; the panel shows a marker instead of the tail. */
const MAX_LINE_CHARS = 16 * 1024;

export function fitFrames(msg: HostMessage, maxBytes = MAX_OUTBOUND_FRAME_BYTES): SizedFrame[] {
  const first = jsonBytes(msg);
  if (first.bytes <= maxBytes) return [first];
  if (msg.kind === 'event' && msg.event === 'log') return splitLog(msg.lines, msg.dropped, maxBytes);
  if (msg.kind === 'response') {
    return [
      jsonBytes({
        kind: 'response',
        id: msg.id,
        ok: false,
        error: {
          code: 'internal',
          message: `reply of ${first.bytes} bytes exceeds the ${maxBytes}-byte frame limit and was not sent`,
          details: { bytes: first.bytes, limit: maxBytes },
        },
      }),
    ];
  }
  // An oversized event (e.g. a giant error detail): tell the panel it was dropped rather than break the port.
  return [
    jsonBytes({
      kind: 'event',
      event: 'log',
      dropped: 0,
      lines: [
        {
          t: Date.now(),
          jobId: 'jobId' in msg && typeof msg.jobId === 'string' ? msg.jobId : null,
          source: 'host',
          level: 'error',
          text: `dropped a ${msg.event} event of ${first.bytes} bytes (over the frame limit)`,
        },
      ],
    }),
  ];
}

function splitLog(lines: LogLine[], dropped: number, maxBytes: number): SizedFrame[] {
  const out: SizedFrame[] = [];
  const emit = (part: LogLine[], d: number): void => {
    const frame = jsonBytes({ kind: 'event', event: 'log', lines: part, dropped: d });
    if (frame.bytes <= maxBytes) {
      out.push(frame);
      return;
    }
    if (part.length > 1) {
      const mid = Math.ceil(part.length / 2);
      emit(part.slice(0, mid), d);
      emit(part.slice(mid), 0);
      return;
    }
    const line = part[0];
    if (!line) return;
    const keep = Math.max(0, Math.min(MAX_LINE_CHARS, Math.floor(maxBytes / 8)));
    const cut = { ...line, text: `${line.text.slice(0, keep)}… [${line.text.length - keep} chars cut]` };
    out.push(jsonBytes({ kind: 'event', event: 'log', lines: [cut], dropped: d }));
  };
  emit(lines, dropped);
  return out;
}
