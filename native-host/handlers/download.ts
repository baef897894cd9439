import { fromBrowserCookies } from '../media/cookies.js';
import type { Handler } from './types.js';

/** Queues a download and answers at once with its id; progress follows as job.* events. */
export const download: Handler<'download'> = async (req, ctx) => {
  const job = ctx.jobs.submit({
    url: req.url,
    preset: req.preset,
    outDir: req.outDir ?? ctx.config.get().downloadDir,
    ...(req.title !== undefined && { title: req.title }),
    ...(req.tags !== undefined && { tags: req.tags }),
    ...(req.subs !== undefined && { subs: req.subs }),
    ...(req.cookies?.length && { cookies: fromBrowserCookies(req.cookies) }),
  });
  ctx.log.info(`queued ${req.preset} download of ${req.url}`, job.id);
  return { jobId: job.id };
};
