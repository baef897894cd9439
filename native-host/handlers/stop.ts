import type { Handler } from './types.js';

/** Ends a live recording, keeping the file (`cancel` keeps nothing); `stopped` like cancel's `cancelled`. */
export const stop: Handler<'stop'> = async (req, ctx) => {
  const stopped = ctx.jobs.stop(req.jobId);
  const status = ctx.jobs.get(req.jobId)?.status;
  return status ? { stopped, status } : { stopped };
};
