/**
 * The media service shared by the host's handlers, the job manager and the CLI (one code path).
 * Tool discovery runs once and is remembered (versions also on disk, per binary); a failed discovery is retried on the next call so
 * installing yt-dlp while the host runs is picked up.
 */
import path from 'node:path';
import type { ToolStatus } from '../../shared/protocol/index.js';
import type { DownloadResult, DownloadSpec, LogFn, ProbeDetail, Tools } from '../media/types.js';
import type { JobRunner } from '../jobs/manager.js';
import type { MediaApi } from './media-api.js';
import type { ConfigStore } from '../config/store.js';
import type { LyricsLookup } from './lyrics.js';

export interface MediaService {
  tools(): Promise<Tools>;
  probe(url: string, opts?: { signal?: AbortSignal; noCache?: boolean; log?: LogFn }): Promise<ProbeDetail>;
  /** A JobRunner: probe (cached) then download, so the job learns its title early. */
  download: JobRunner;
  report(): Promise<ToolStatus[]>;
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
    tools ??= api.discoverTools(env, { cacheFile: path.join(c.paths.dataDir, 'tools.json'), paths: c.tools }).catch((e: unknown) => {
      tools = null;
      throw e;
    });
    return tools;
  };
  return {
    tools: getTools,
    probe: async (url, opts = {}) => api.probe(url, await getTools(), opts),
    download: async (spec: DownloadSpec, hooks): Promise<DownloadResult> => {
      const t = await getTools();
      const detail = await api.probe(spec.url, t, { signal: hooks.signal, log: hooks.log });
      hooks.onTitle(detail.result.title || spec.title || '');
      const text = lyrics ? await lyrics(spec, detail, { signal: hooks.signal, log: hooks.log }).catch(() => undefined) : spec.lyrics;
      return api.download(text ? { ...spec, lyrics: text } : spec, t, hooks, detail);
    },
    report: () => api.toolReport(env, config.get().tools),
    cleanupStaleParts: async (dir) => {
      await api.cleanupStaleParts(dir);
    },
  };
}
