import type { Handler } from './types.js';

/** `cancelled` says whether this request stopped the job; `status` where the job is now (a repeat cancel: false + its status). */
export const cancel: Handler<'cancel'> = async (req, ctx) => {
  const cancelled = ctx.jobs.cancel(req.jobId);
  const status = ctx.jobs.get(req.jobId)?.status;
  return status ? { cancelled, status } : { cancelled };
};
