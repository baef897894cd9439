import type { Handler } from './types.js';

/** A page that always fits one frame; `nextOffset` asks for the rest. */
export const jobsList: Handler<'jobs.list'> = async (req, ctx) => ctx.jobs.page({ offset: req.offset, limit: req.limit });
