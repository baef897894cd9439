import { NexError } from '../../shared/errors.js';
import type { Handler, HandlerMap } from './types.js';

/** Types whose owner has not registered a handler yet; the meta-test allows only these. */
export const PENDING_TYPES = new Set<keyof HandlerMap>();

/** Placeholder that answers a clear error until the real handler is registered in ./index.ts. */
export function pending<T extends keyof HandlerMap>(type: T, what: string): Handler<T> {
  PENDING_TYPES.add(type);
  return async () => {
    throw new NexError('internal', `${what} not available`, { type });
  };
}
