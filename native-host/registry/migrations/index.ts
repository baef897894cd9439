/** Migration sets per database: the (possibly shared) cache, and the local-only overrides file. */
import { m001 } from './001-tracks.js';
import { m002 } from './002-overrides.js';
import type { Migration } from './types.js';

export const CACHE_MIGRATIONS: Migration[] = [m001];
export const LOCAL_MIGRATIONS: Migration[] = [m002];
export type { Migration } from './types.js';
