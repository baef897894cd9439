import { fromBrowserCookies } from '../media/cookies.js';
import type { Handler } from './types.js';

/** Probes via the shared media service (its short-lived cache makes reopening the popup instant). */
export const probe: Handler<'probe'> = async (req, ctx) => {
  const cookies = req.cookies ? fromBrowserCookies(req.cookies) : undefined;
  const detail = await ctx.media.probe(req.url, { signal: ctx.signal, noCache: req.noCache, log: ctx.log.forJob(null), ...(cookies ? { cookies } : {}) });
  return detail.result;
};
