/** The config file's shape and the effective config the host runs with. */
import { type z } from 'zod';
import { ConfigPatch, type ConfigHealth, type PresetId } from '../../shared/protocol/index.js';

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
  /** Seconds without download progress before a job fails as media.stalled, default 30; env NEXSTREAM_STALL_SEC. */
  stallTimeoutSec: number;
  /** Seconds a probe (yt-dlp -J) may take, default 90; env NEXSTREAM_PROBE_TIMEOUT_SEC. */
  probeTimeoutSec: number;
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
    /** YouTube Music (InnerTube) base, default https://music.youtube.com; env NEXSTREAM_YTMUSIC_URL. */
    ytmusic: string;
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
  /** Replica: seconds between pulls of rows other machines wrote, default 60; env NEXSTREAM_TURSO_SYNC_SEC (0 = only at start). */
  tursoSyncSec: number;
  /** Never leave the host: not in PublicConfig, not in logs (the logger redacts them). */
  secrets: { groqApiKey: string | null; geminiApiKey: string | null; tursoAuthToken: string | null; odesliApiKey: string | null };
  /** Problems found while loading (bad file, bad env value); loading never throws for these. */
  problems: string[];
  /** Whether the config file parses; while it does not, ConfigStore refuses writes (config.broken). */
  fileHealth: ConfigHealth;
}
