/**
 * Builds the services one host process (or one CLI command) runs with:
 * config -> logger -> media -> job manager. The CLI and the browser host share this, so a CLI
 * download and a browser download take exactly the same path.
 */
import path from 'node:path';
import type { Event } from '../../shared/protocol/index.js';
import { ConfigStore } from '../config/store.js';
import { secretValues } from '../config/public.js';
import { Logger } from '../log/logger.js';
import { JobManager } from '../jobs/manager.js';
import { createMediaService, type MediaService } from './media-service.js';
import type { MediaApi } from './media-api.js';
import type { LogLevel } from '../../shared/protocol/index.js';

export interface HostServices {
  config: ConfigStore;
  log: Logger;
  jobs: JobManager;
  media: MediaService;
}

export interface ServicesOptions {
  env?: Record<string, string | undefined>;
  media: MediaApi;
  /** Where job events go (the wire in host mode, the progress printer in the CLI). */
  emit: (ev: Event) => void;
  stderrLevel?: LogLevel | null;
}

export function createServices(opts: ServicesOptions): HostServices {
  const env = opts.env ?? process.env;
  const config = new ConfigStore(env);
  const c = config.get();
  const log = new Logger({
    file: { path: c.paths.logFile },
    secrets: () => secretValues(config.get()),
    stderrLevel: opts.stderrLevel ?? null,
  });
  for (const p of c.problems) log.warn(`config: ${p}`);
  const media = createMediaService(opts.media, config, env);
  const jobs = new JobManager({
    run: media.download,
    emit: opts.emit,
    concurrency: () => config.get().concurrency,
    logFor: (id) => log.forJob(id),
  });
  config.onChange(() => jobs.reschedule());
  return { config, log, jobs, media };
}

/** Log file directory, for doctor and the README. */
export function logDir(config: ConfigStore): string {
  return path.dirname(config.get().paths.logFile);
}
