import type { Handler } from './types.js';

export const cancel: Handler<'cancel'> = async (req, ctx) => ({ cancelled: ctx.jobs.cancel(req.jobId) });
