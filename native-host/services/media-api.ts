/**
 * The media pipeline's exported functions as the host uses them (native-host/media/index.ts,
 * owned by the media engineer). Kept as an interface so the host and its tests can swap in fakes.
 */
import type { ToolStatus } from '../../shared/protocol/index.js';
import type { DownloadHooks, DownloadResult, DownloadSpec, ProbeDetail, ProbeOptions, Tools } from '../media/types.js';

export interface MediaApi {
  /** @param opts.cacheFile where tool versions are remembered between runs (see media/tool-cache.ts). */
  discoverTools(env: Record<string, string | undefined>, opts?: { cacheFile?: string }): Promise<Tools>;
  toolReport(env: Record<string, string | undefined>): Promise<ToolStatus[]>;
  probe(url: string, tools: Tools, opts?: ProbeOptions): Promise<ProbeDetail>;
  download(spec: DownloadSpec, tools: Tools, hooks: DownloadHooks, cachedProbe?: ProbeDetail): Promise<DownloadResult>;
  cleanupStaleParts(dir: string): Promise<unknown>;
  /** Live helper processes and the probe gate's queue, for doctor. */
  processStats?(): { live: number; cap: number; probesRunning: number; probesWaiting: number };
  /** The pipeline's shared probe cache lifetime (config probeCacheSec). */
  setProbeCacheTtlMs?(ms: number): void;
}
