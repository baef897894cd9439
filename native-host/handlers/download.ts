import { NexError } from '../../shared/errors.js';
import { downloadDirProblem } from '../config/download-dir.js';
import { fromBrowserCookies } from '../media/cookies.js';
import type { Handler } from './types.js';

/** Queues a download and answers at once with its id; progress follows as job.* events. */
export const download: Handler<'download'> = async (req, ctx) => {
  // A folder from the wire gets the same checks as config.set's downloadDir (absolute, not a system folder, writable).
  const problem = req.outDir !== undefined ? downloadDirProblem(req.outDir) : null;
  if (problem) throw new NexError('input.invalid', `outDir ${problem}`, { field: 'outDir' });
  const job = ctx.jobs.submit({
    url: req.url,
    preset: req.preset,
    outDir: req.outDir ?? ctx.config.get().downloadDir,
    ...(req.title !== undefined && { title: req.title }),
    ...(req.tags !== undefined && { tags: req.tags }),
    ...(req.subs !== undefined && { subs: req.subs }),
    ...(req.cookies?.length && { cookies: fromBrowserCookies(req.cookies) }),
    ...(req.live && { live: true }),
  });
  ctx.log.info(`queued ${req.preset} ${req.live ? 'recording' : 'download'} of ${req.url}`, job.id);
  return { jobId: job.id };
};
