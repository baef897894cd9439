import { toPublicConfig } from '../config/public.js';
import type { Handler } from './types.js';

/** Persists the patch; logs only which keys changed, never their values (they may be API keys). */
export const configSet: Handler<'config.set'> = async (req, ctx) => {
  const next = ctx.config.update(req.patch);
  ctx.log.info(`config updated: ${Object.keys(req.patch).join(', ') || '(nothing)'}`);
  return toPublicConfig(next);
};
