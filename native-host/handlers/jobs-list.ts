import type { Handler } from './types.js';

export const jobsList: Handler<'jobs.list'> = async (_req, ctx) => ({ jobs: ctx.jobs.list() });
