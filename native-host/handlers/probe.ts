import { fromBrowserCookies } from '../media/cookies.js';
import { probeWithPlaylist } from '../services/probe-playlist.js';
import type { Handler } from './types.js';

/** Probes via the shared media service (cached) and adds the first page of a playlist when the page is one. */
export const probe: Handler<'probe'> = async (req, ctx) => {
  const cookies = req.cookies ? fromBrowserCookies(req.cookies) : undefined;
  return probeWithPlaylist(ctx.media, req.url, { signal: ctx.signal, ...(req.noCache && { noCache: true }), log: ctx.log.forJob(null), ...(cookies ? { cookies } : {}) });
};
