/** The config file's shape and the effective config the host runs with. */
import { type z } from 'zod';
import { ConfigPatch, type PresetId } from '../../shared/protocol/index.js';

/**
 * What the config file may hold: exactly what the extension may patch (one schema), but unknown
 * keys are dropped instead of rejected so an older host reads a newer file.
 */
export const ConfigFile = ConfigPatch.strip();
export type ConfigFile = z.infer<typeof ConfigFile>;

export interface HostConfig {
  /** Default `~/Downloads/NexStream`; env NEXSTREAM_DOWNLOAD_DIR. */
  downloadDir: string;
  /** Parallel downloads, default 2; env NEXSTREAM_CONCURRENCY. */
  concurrency: number;
  defaultVideoPreset: PresetId;
  defaultAudioPreset: PresetId;
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
    /** Default https://lrclib.net; env NEXSTREAM_LRCLIB_URL. */
    lrclib: string;
  };
  /** Embed lyrics from LRCLIB in audio downloads, default true; env NEXSTREAM_LYRICS=0 turns it off. */
  lyrics: boolean;
  tursoUrl: string | null;
  /** Use an embedded replica synced to tursoUrl instead of remote queries; env NEXSTREAM_TURSO_REPLICA=1. */
  tursoReplica: boolean;
  /** Never leave the host: not in PublicConfig, not in logs (the logger redacts them). */
  secrets: { groqApiKey: string | null; geminiApiKey: string | null; tursoAuthToken: string | null; odesliApiKey: string | null };
  /** Problems found while loading (bad file, bad env value); loading never throws for these. */
  problems: string[];
}
