import type { Handler } from './types.js';

/** The user's pick for a track: stored locally, wins over the resolver next time. */
export const resolveOverride: Handler<'resolve.override'> = async (req, ctx) => {
  const resolver = await ctx.resolver();
  return resolver.override({ input: req.input, isrc: req.isrc ?? null, videoUrl: req.videoUrl });
};
