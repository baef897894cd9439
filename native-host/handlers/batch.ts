import type { Handler } from './types.js';

/** Starts a batch and answers at once with its id; progress follows as batch.* (and job.*) events. */
export const batch: Handler<'batch'> = async (req, ctx) => {
  const info = ctx.batches.submit({
    preset: req.preset,
    folder: req.folder,
    outDir: req.outDir ?? ctx.config.get().downloadDir,
    source: req.source,
    ...(req.indexPrefix !== undefined && { indexPrefix: req.indexPrefix }),
  });
  ctx.log.info(`queued ${req.preset} batch into ${info.folder}`, info.id);
  return { jobId: info.id };
};
