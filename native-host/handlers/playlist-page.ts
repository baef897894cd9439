import { NexError } from '../../shared/errors.js';
import type { Handler } from './types.js';

/** Further rows of the listing the probe started (the same yt-dlp run, still going or finished). */
export const playlistPage: Handler<'playlist.page'> = async (req, ctx) => {
  const page = await ctx.media.playlist(req.url, { offset: req.offset, ...(req.limit && { limit: req.limit }), signal: ctx.signal, log: ctx.log.forJob(null) });
  if (!page) throw new NexError('media.empty_playlist', 'yt-dlp lists no playlist entries here.', { url: req.url });
  return page;
};
