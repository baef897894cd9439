/**
 * Binds MediaApi to the real pipeline. The pipeline (native-host/media/index.ts) is being written
 * in parallel; until it lands, every call reports that the pipeline is not available.
 */
import { NexError } from '../../shared/errors.js';
import type { MediaApi } from './media-api.js';

const unavailable = async (): Promise<never> => {
  throw new NexError('internal', 'media pipeline not available in this build');
};

export async function loadMediaApi(): Promise<MediaApi> {
  return {
    discoverTools: unavailable,
    toolReport: async () => [],
    probe: unavailable,
    download: unavailable,
    cleanupStaleParts: async () => undefined,
  };
}
