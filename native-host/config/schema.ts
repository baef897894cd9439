/** The config file's shape and the effective config the host runs with. */
import { z } from 'zod';
import { PresetId } from '../../shared/protocol/index.js';

/** What the config file may hold. Every key optional: defaults and env fill the rest. */
export const ConfigFile = z
  .object({
    downloadDir: z.string().min(1).max(4096),
    concurrency: z.number().int().min(1).max(8),
    defaultVideoPreset: PresetId,
    defaultAudioPreset: PresetId,
    probeCacheSec: z.number().int().min(0).max(86400),
    groqApiKey: z.string().max(512).nullable(),
    geminiApiKey: z.string().max(512).nullable(),
    tursoUrl: z.string().max(2048).nullable(),
    tursoAuthToken: z.string().max(4096).nullable(),
    tursoReplica: z.boolean(),
    odesliApiKey: z.string().max(512).nullable(),
  })
  .partial();
export type ConfigFile = z.infer<typeof ConfigFile>;

export interface HostConfig {
  /** Default `~/Downloads/NexStream`; env NEXSTREAM_DOWNLOAD_DIR. */
  downloadDir: string;
  /** Parallel downloads, default 2; env NEXSTREAM_CONCURRENCY. */
  concurrency: number;
  defaultVideoPreset: z.infer<typeof PresetId>;
  defaultAudioPreset: z.infer<typeof PresetId>;
  /** Probe cache lifetime, default 120 s; env NEXSTREAM_PROBE_CACHE_SEC. */
  probeCacheSec: number;
  paths: {
    configDir: string;
    configFile: string;
    dataDir: string;
    logFile: string;
    registryPath: string;
  };
  /** Explicit tool paths (NEXSTREAM_YTDLP/FFMPEG/FFPROBE); null means "look on PATH". */
  tools: { ytdlp: string | null; ffmpeg: string | null; ffprobe: string | null };
  apis: {
    deezer: string;
    itunes: string;
    odesli: string;
    groqBaseUrl: string | null;
    geminiBaseUrl: string | null;
  };
  tursoUrl: string | null;
  /** Use an embedded replica synced to tursoUrl instead of remote queries; env NEXSTREAM_TURSO_REPLICA=1. */
  tursoReplica: boolean;
  /** Never leave the host: not in PublicConfig, not in logs (the logger redacts them). */
  secrets: { groqApiKey: string | null; geminiApiKey: string | null; tursoAuthToken: string | null; odesliApiKey: string | null };
  /** Problems found while loading (bad file, bad env value); loading never throws for these. */
  problems: string[];
}
