/**
 * The host's one composition root: config -> logger -> registry -> media -> jobs -> resolver,
 * built once from typed config and handed to the native host and every CLI command alike, so a
 * CLI download and a browser download take exactly the same path. `close()` stops what it built.
 */
import type { Event, LogLevel } from '../../shared/protocol/index.js';
import { ConfigStore } from '../config/store.js';
import { secretValues } from '../config/public.js';
import { Logger } from '../log/logger.js';
import { JobManager } from '../jobs/manager.js';
import { BatchManager } from '../jobs/batch.js';
import { createLibrarySlot } from './library-slot.js';
import type { Library } from '../library/index.js';
import { LIMITS } from '../limits.js';
import type { Resolver } from '../resolver/resolve.js';
import { createLyricsLookup } from './lyrics.js';
import { createMediaService, type MediaService } from './media-service.js';
import type { MediaApi } from './media-api.js';
import { createResolverSlot, hostLog } from './resolver-slot.js';

export interface HostServices {
  config: ConfigStore;
  log: Logger;
  jobs: JobManager;
  media: MediaService;
  /** Batch jobs (playlists, albums): their items run as jobs of `jobs`. */
  batches: BatchManager;
  /** The local library (download archive, recent downloads); null when its database cannot be opened. */
  library(): Promise<Library | null>;
  /** The resolver (and its registry): opened on first use, rebuilt when their config changes. */
  resolver(): Promise<Resolver>;
  /**
   * Cancels jobs (waiting up to `jobsTimeoutMs` for their processes and .part files), lets the
   * resolver's background work finish, closes the registry and the log file. True if every job
   * stopped in time. Safe to call twice.
   */
  close(opts?: { jobsTimeoutMs?: number }): Promise<boolean>;
}

export interface ServicesOptions {
  /** Where config is read from (file location, overrides) and PATH for tool lookup; default process.env. */
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
  // The registry is opened by the resolver slot on first use; only resolves need it.
  const resolver = createResolverSlot(config, hostLog(log));
  const media = createMediaService(opts.media, config, env, createLyricsLookup(config));
  const library = createLibrarySlot(() => config.get().paths.dataDir, log);
  // Every job event also goes to the batches (they follow their items) and to the Recent list.
  const emit = (ev: Event): void => {
    opts.emit(ev);
    if (ev.event === 'job.done') library.recordDone(ev.job, ev.path, batches.batchOf(ev.jobId));
    batches.observe(ev);
  };
  const jobs = new JobManager({
    run: media.download,
    emit,
    concurrency: () => config.get().concurrency,
    logFor: (id) => log.forJob(id),
  });
  const batches = new BatchManager({
    jobs,
    emit: opts.emit,
    list: (url, signal) => media.playlist(url, { all: true, signal, log: log.forJob(null) }),
    library: () => library.get(),
    concurrency: () => config.get().concurrency,
    probeChunk: (url, urls, signal, onEntry) => media.probeEntries(url, urls, { signal, log: log.forJob(null), onEntry }),
    log: log.forJob(null),
  });
  const unsubscribe = config.onChange(() => jobs.reschedule());
  let closing: Promise<boolean> | null = null;
  return {
    config,
    log,
    jobs,
    media,
    batches,
    library: () => library.get(),
    resolver: () => resolver.get(),
    close: (o = {}) =>
      (closing ??= (async () => {
        unsubscribe();
        batches.shutdown();
        const clean = await jobs.shutdown(o.jobsTimeoutMs ?? LIMITS.shutdownMs);
        opts.media.shutdown?.();
        await resolver.close().catch((e: unknown) => log.warn(`resolver close failed: ${String(e)}`));
        await library.close().catch((e: unknown) => log.warn(`library close failed: ${String(e)}`));
        log.close();
        return clean;
      })()),
  };
}
