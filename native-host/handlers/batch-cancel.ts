import type { Handler } from './types.js';

/** Cancels a whole batch, or one of its items. */
export const batchCancel: Handler<'batch.cancel'> = async (req, ctx) => ({ cancelled: ctx.batches.cancel(req.jobId, req.index) });
