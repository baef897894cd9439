/** Binds MediaApi to the real pipeline (native-host/media/, owned by the media engineer). */
import * as media from '../media/index.js';
import type { MediaApi } from './media-api.js';

export async function loadMediaApi(): Promise<MediaApi> {
  return {
    discoverTools: (env, opts) => media.discoverTools(env, opts),
    toolReport: (env, opts) => media.toolReport(env, opts),
    probe: (url, tools, opts) => media.probe(url, tools, opts),
    download: (spec, tools, hooks, cached) => media.download(spec, tools, hooks, cached),
    cleanupStaleParts: (dir) => media.cleanupStaleParts(dir),
    shutdown: () => media.playlistStore.clear(),
    processStats: () => {
      const gate = media.probeGate.stats();
      return { live: media.liveChildCount(), cap: media.MAX_LIVE_CHILDREN, probesRunning: gate.running, probesWaiting: gate.waiting };
    },
    probeEntries: (url, urls, tools, o) => media.probeEntries(url, urls, tools, o),
    playlistPage: (url, tools, o) => (o.all ? media.playlistStore.all(url, tools, o) : media.playlistStore.page(url, tools, o)),
    setProbeCacheTtlMs: (ms) => {
      media.probeCache.ttlMs = ms;
    },
  };
}
