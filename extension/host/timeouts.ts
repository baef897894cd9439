import type { RequestType } from '../../shared/protocol/index.js';

/** How long each request may take before the client gives up (the host keeps running). */
export const DEFAULT_TIMEOUTS_MS: Partial<Record<RequestType, number>> = {
  // Starting node for the first ping takes 150-350 ms here; slow CI machines need far more.
  ping: 10_000,
  // yt-dlp -J on a real site can take many seconds.
  probe: 90_000,
  resolve: 60_000,
  doctor: 30_000,
  download: 15_000,
};
export const FALLBACK_TIMEOUT_MS = 15_000;
