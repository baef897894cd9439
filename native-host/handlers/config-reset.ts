import { toPublicConfig } from '../config/public.js';
import type { Handler } from './types.js';

/** The user chose to start over: defaults written, the unparsable file kept aside as config.json.broken-<time>. */
export const configReset: Handler<'config.reset'> = async (_req, ctx) => {
  const next = ctx.config.reset();
  ctx.log.warn('config reset to defaults on request');
  return toPublicConfig(next);
};
