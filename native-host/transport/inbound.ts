/**
 * Turns decoded frames into dispatcher calls and error replies. A frame we cannot read gets a
 * protocol.bad_frame reply with id null (we never saw an id); lost framing ends the session cleanly.
 */
import type { Readable } from 'node:stream';
import type { ErrorPayload } from '../../shared/protocol/index.js';
import { FrameDecoder, type DecodedFrame } from './frame-decoder.js';

export interface InboundHandlers {
  onMessage(value: unknown): void;
  onBadFrame(error: ErrorPayload): void;
  /** Stdin closed or framing lost: the session is over. */
  onEnd(reason: 'eof' | 'framing_lost'): void;
}

export function readFrames(input: Readable, handlers: InboundHandlers, decoder = new FrameDecoder()): () => void {
  let ended = false;
  const finish = (reason: 'eof' | 'framing_lost'): void => {
    if (ended) return;
    ended = true;
    input.off('data', onData);
    handlers.onEnd(reason);
  };
  const deliver = (frames: DecodedFrame[]): void => {
    for (const f of frames) {
      if (f.kind === 'message') handlers.onMessage(f.value);
      else handlers.onBadFrame({ code: 'protocol.bad_frame', message: f.message, details: { reason: f.reason } });
    }
    if (decoder.framingLost) finish('framing_lost');
  };
  const onData = (chunk: Buffer): void => deliver(decoder.push(chunk));
  const onClose = (): void => {
    if (ended) return;
    const rest = decoder.end();
    deliver(rest);
    finish('eof');
  };
  input.on('data', onData);
  input.once('end', onClose);
  input.once('close', onClose);
  input.once('error', onClose);
  return () => finish('eof');
}
