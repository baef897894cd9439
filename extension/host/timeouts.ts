import { HOST_PROBE_TIMEOUT_MS, HOST_REPLY_MARGIN_MS } from '../../shared/host-limits.js';
import type { RequestType } from '../../shared/protocol/index.js';

/** How long each request may take before the client gives up (the host keeps running). */
export const DEFAULT_TIMEOUTS_MS: Partial<Record<RequestType, number>> = {
  // Starting node for the first ping takes 150-350 ms here; slow CI machines need far more.
  ping: 10_000,
  // The host gives up on a stuck yt-dlp -J first and says so (media.timeout); we only catch a dead host.
  probe: HOST_PROBE_TIMEOUT_MS + HOST_REPLY_MARGIN_MS,
  resolve: 60_000,
  doctor: 30_000,
  download: 15_000,
};
export const FALLBACK_TIMEOUT_MS = 15_000;
