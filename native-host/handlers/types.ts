import type { Event, RequestOf, RequestType, ResultOf } from '../../shared/protocol/index.js';
import type { HostServices } from '../services/host-services.js';

/** What every handler can reach. One per host process; `signal` aborts when the browser disconnects. */
export interface HandlerContext extends HostServices {
  /** Send an event to the browser (e.g. resolve.partial). */
  emit(event: Event): void;
  signal: AbortSignal;
  /** The caller's origin as Chrome passed it on argv, if any. */
  origin: string | null;
}

/** A handler gets an already-validated request and returns its result; thrown NexErrors become error replies. */
export type Handler<T extends RequestType> = (req: RequestOf<T>, ctx: HandlerContext) => Promise<ResultOf<T>>;

export type HandlerMap = { [T in RequestType]: Handler<T> };
