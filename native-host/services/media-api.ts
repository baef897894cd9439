/**
 * The media pipeline's exported functions as the host uses them (native-host/media/index.ts,
 * owned by the media engineer). Kept as an interface so the host and its tests can swap in fakes.
 */
import type { PlaylistInfo, ToolStatus } from '../../shared/protocol/index.js';
import type { LogFn, DiscoverOptions, DownloadHooks, DownloadResult, DownloadSpec, ProbeDetail, ProbeOptions, ToolPaths, Tools } from '../media/index.js';

export interface MediaApi {
  /**
   * @param env PATH for the lookup
   * @param opts.paths the configured tool paths; opts.cacheFile where versions are remembered (media/tool-cache.ts)
   */
  discoverTools(env: Record<string, string | undefined>, opts?: DiscoverOptions): Promise<Tools>;
  toolReport(env: Record<string, string | undefined>, opts?: { paths?: ToolPaths }): Promise<ToolStatus[]>;
  probe(url: string, tools: Tools, opts?: ProbeOptions): Promise<ProbeDetail>;
  download(spec: DownloadSpec, tools: Tools, hooks: DownloadHooks, cachedProbe?: ProbeDetail): Promise<DownloadResult>;
  cleanupStaleParts(dir: string): Promise<unknown>;
  /** Stops what runs outside any job (playlist listings kept for paging) when the host or a CLI command ends. */
  shutdown?(): void;
  /** Live helper processes and the probe gate's queue, for doctor. */
  processStats?(): { live: number; cap: number; probesRunning: number; probesWaiting: number };
  /** A page of the flat listing of `url` (media/playlist-store.ts); null when it is no playlist. Absent in fakes without playlists. */
  playlistPage?(url: string, tools: Tools, opts: PlaylistPageOptions): Promise<PlaylistInfo | null>;
  /** Several playlist entries probed by one yt-dlp run into the probe cache (media/probe-entries.ts). */
  probeEntries?(playlistUrl: string, urls: Map<number, string>, tools: Tools, opts: { signal?: AbortSignal; log?: LogFn; onEntry?: (index: number) => void }): Promise<number>;
  /** The pipeline's shared probe cache lifetime (config probeCacheSec). */
  setProbeCacheTtlMs?(ms: number): void;
}

export interface PlaylistPageOptions {
  offset?: number;
  /** Default LIMITS.playlistPageSize; `all` waits for every entry. */
  limit?: number;
  all?: boolean;
  /** List again instead of reusing a listing of the last 10 minutes (probe noCache). */
  fresh?: boolean;
  signal?: AbortSignal;
  log?: LogFn;
}
