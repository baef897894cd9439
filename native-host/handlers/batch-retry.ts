import type { Handler } from './types.js';

/** The failed and cancelled items of a batch, again, as a new batch. */
export const batchRetry: Handler<'batch.retry'> = async (req, ctx) => ({ jobId: ctx.batches.retry(req.jobId).id });
