import type { PublicConfig } from '../../shared/protocol/index.js';
import type { HostConfig } from './schema.js';

/** The config as the extension may see it: secrets only as "set or not". */
export function toPublicConfig(c: HostConfig): PublicConfig {
  return {
    downloadDir: c.downloadDir,
    concurrency: c.concurrency,
    defaultVideoPreset: c.defaultVideoPreset,
    defaultAudioPreset: c.defaultAudioPreset,
    probeCacheSec: c.probeCacheSec,
    secrets: {
      groqApiKey: Boolean(c.secrets.groqApiKey),
      geminiApiKey: Boolean(c.secrets.geminiApiKey),
      tursoAuthToken: Boolean(c.secrets.tursoAuthToken),
      odesliApiKey: Boolean(c.secrets.odesliApiKey),
    },
    tursoUrl: c.tursoUrl,
    tursoReplica: c.tursoReplica,
    ...(c.fileHealth.ok ? {} : { fileProblem: c.fileHealth }),
    lyrics: c.lyrics,
  };
}

/** Values the logger must never write anywhere. */
export function secretValues(c: HostConfig): string[] {
  return Object.values(c.secrets).filter((s): s is string => Boolean(s));
}
