import type { PublicConfig } from '../../shared/protocol/index.js';
import { redact } from '../../shared/redact.js';
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
    // A libSQL URL may carry its token (?authToken=) or a password (user:pass@): the extension sees neither.
    tursoUrl: c.tursoUrl === null ? null : redact(c.tursoUrl, secretValues(c)),
    tursoReplica: c.tursoReplica,
    ...(c.fileHealth.ok ? {} : { fileProblem: c.fileHealth }),
    lyrics: c.lyrics,
  };
}

/** Values the logger must never write anywhere. */
export function secretValues(c: HostConfig): string[] {
  return Object.values(c.secrets).filter((s): s is string => Boolean(s));
}
