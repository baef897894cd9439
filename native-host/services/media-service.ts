/**
 * The media service shared by the host's handlers, the job manager and the CLI (one code path).
 * Tool discovery runs once and is remembered (versions also on disk, per binary); a failed discovery is retried on the next call so
 * installing yt-dlp while the host runs is picked up.
 */
import type { PlaylistInfo, ToolStatus } from '../../shared/protocol/index.js';
import type { DownloadResult, DownloadSpec, LogFn, ProbeDetail, Tools } from '../media/types.js';
import type { JobRunner } from '../jobs/manager.js';
import type { MediaApi, PlaylistPageOptions } from './media-api.js';
import type { ConfigStore } from '../config/store.js';
import { cookiesForSite, writeCookieFile, type Cookie } from '../media/cookies.js';

/** Runs `fn` with the site's cookies in a private 0600 file (none: no file), removed afterwards whatever happens. */
async function withCookieFile<T>(url: string, cookies: Cookie[] | undefined, fn: (file: string | undefined, jar: Cookie[] | undefined) => Promise<T>): Promise<T> {
  if (!cookies?.length) return fn(undefined, undefined);
  const jar = cookiesForSite(cookies, url);
  const file = await writeCookieFile(jar);
  try {
    return await fn(file.path, jar);
  } finally {
    await file.dispose();
    // The job entry outlives the job: it keeps no cookies.
    cookies.length = 0;
  }
}
import { toolCacheFile } from '../media/tool-cache.js';
import type { LyricsLookup } from './lyrics.js';

export interface MediaService {
  tools(): Promise<Tools>;
  probe(url: string, opts?: { signal?: AbortSignal; noCache?: boolean; log?: LogFn; cookies?: Cookie[] }): Promise<ProbeDetail>;
  /** A JobRunner: probe (cached) then download, so the job learns its title early. */
  download: JobRunner;
  report(): Promise<ToolStatus[]>;
  /** Live helper processes and probe queue, when the pipeline can tell. */
  processes(): ReturnType<NonNullable<MediaApi['processStats']>> | undefined;
  /** A page of the playlist at `url` (null: no playlist there, or this pipeline lists none). */
  playlist(url: string, opts?: PlaylistPageOptions): Promise<PlaylistInfo | null>;
  /** Probes these entries of a playlist in one run into the probe cache; 0 when this pipeline cannot. */
  probeEntries(playlistUrl: string, urls: Map<number, string>, opts?: { signal?: AbortSignal; log?: LogFn; onEntry?: (index: number) => void }): Promise<number>;
  cleanupStaleParts(dir: string): Promise<void>;
}

/** @param env only PATH (and PATHEXT) is read from it: the tools' own paths come from the typed config. */
export function createMediaService(api: MediaApi, config: ConfigStore, env: Record<string, string | undefined>, lyrics?: LyricsLookup): MediaService {
  let tools: Promise<Tools> | null = null;
  const applyTtl = (): void => api.setProbeCacheTtlMs?.(config.get().probeCacheSec * 1000);
  applyTtl();
  config.onChange(applyTtl);
  const getTools = (): Promise<Tools> => {
    const c = config.get();
    tools ??= api.discoverTools(env, { cacheFile: toolCacheFile(c.paths.dataDir), paths: c.tools }).catch((e: unknown) => {
      tools = null;
      throw e;
    });
    return tools;
  };
  return {
    tools: getTools,
    probe: async (url, opts = {}) => {
      const t = await getTools();
      const timeoutMs = config.get().probeTimeoutSec * 1000;
      return withCookieFile(url, opts.cookies, (cookiesFile) => api.probe(url, t, { timeoutMs, ...opts, ...(cookiesFile ? { cookiesFile } : {}) }));
    },
    download: async (spec: DownloadSpec, hooks): Promise<DownloadResult> => {
      const t = await getTools();
      const c = config.get();
      // The job's cookies live in a private file from here until the job ends, however it ends.
      return withCookieFile(spec.url, spec.cookies, async (cookiesFile, jar) => {
        const detail = await api.probe(spec.url, t, { signal: hooks.signal, log: hooks.log, timeoutMs: c.probeTimeoutSec * 1000, ...(cookiesFile ? { cookiesFile } : {}) });
        hooks.onTitle(detail.result.title || spec.title || '');
        const text = lyrics ? await lyrics(spec, detail, { signal: hooks.signal, log: hooks.log }).catch(() => undefined) : spec.lyrics;
        return api.download({ stallSec: c.stallTimeoutSec, ...spec, ...(text ? { lyrics: text } : {}), ...(jar ? { cookies: jar } : {}) }, t, { ...hooks, ...(cookiesFile ? { cookiesFile } : {}) }, detail);
      });
    },
    report: () => api.toolReport(env, { paths: config.get().tools }),
    processes: () => api.processStats?.(),
    probeEntries: async (url, urls, opts = {}) => (api.probeEntries ? api.probeEntries(url, urls, await getTools(), opts) : 0),
    playlist: async (url, opts = {}) => (api.playlistPage ? api.playlistPage(url, await getTools(), opts) : null),
    cleanupStaleParts: async (dir) => {
      await api.cleanupStaleParts(dir);
    },
  };
}
