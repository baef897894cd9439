import { toPublicConfig } from '../config/public.js';
import type { Handler } from './types.js';

export const configGet: Handler<'config.get'> = async (_req, ctx) => toPublicConfig(ctx.config.get());
