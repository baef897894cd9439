import type { Handler } from './types.js';

/** Resolves a link or text; partial results stream as `resolve.partial` events with this request's id. */
export const resolve: Handler<'resolve'> = async (req, ctx) => {
  const resolver = await ctx.resolver();
  return resolver.resolve(req.input, {
    meta: req.meta,
    noCache: req.noCache,
    signal: ctx.signal,
    emit: (u) => ctx.emit({ kind: 'event', event: 'resolve.partial', requestId: req.id, provider: u.provider, level: u.level, track: u.track, match: u.match }),
  });
};
