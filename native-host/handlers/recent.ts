import type { Handler } from './types.js';

/** The popup's Recent list; empty when the library database cannot be opened. */
export const recent: Handler<'recent'> = async (req, ctx) => {
  const lib = await ctx.library();
  return { entries: lib ? await lib.recent(req.limit) : [] };
};
