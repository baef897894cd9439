/**
 * Host mode boot, what the browser starts: the composition root (config -> logger -> registry ->
 * media -> jobs -> resolver, services/host-services.ts) -> transport -> dispatcher. Stdout carries frames only. The session ends when stdin closes (the browser
 * disconnected), framing is lost, or a signal arrives: jobs are cancelled and cleaned up first.
 */
import type { Readable } from 'node:stream';
import { sweepCookieDirs } from './media/cookies.js';
import type { Event } from '../shared/protocol/index.js';
import { FrameWriter, claimStdout, readFrames, type FrameSink } from './transport/index.js';
import { handlers } from './handlers/index.js';
import { dispatch } from './handlers/dispatch.js';
import type { HandlerContext, HandlerMap } from './handlers/types.js';
import { createServices } from './services/host-services.js';
import { loadMediaApi } from './services/media-binding.js';
import type { MediaApi } from './services/media-api.js';
import { LIMITS } from './limits.js';
import { HOST_VERSION } from './version.js';

export interface HostOptions {
  origin?: string | null;
  env?: Record<string, string | undefined>;
  stdin?: Readable;
  /** Defaults to the real stdout, claimed so nothing else can write to it. */
  sink?: FrameSink;
  media?: MediaApi;
  handlerMap?: HandlerMap;
  /** How long disconnect waits for jobs to clean up before giving up; default LIMITS.shutdownMs. */
  shutdownTimeoutMs?: number;
  /** Install SIGTERM/SIGINT handlers; default true. */
  handleSignals?: boolean;
}

/** Runs one browser session; resolves with the exit code once everything is cleaned up. */
export async function runHost(opts: HostOptions = {}): Promise<number> {
  const sink = opts.sink ?? claimStdout();
  const stdin = opts.stdin ?? process.stdin;
  const writer = new FrameWriter(sink);
  const send = (ev: Event): void => writer.send(ev);
  const services = createServices({ env: opts.env, media: opts.media ?? (await loadMediaApi()), emit: send });
  const { log, jobs, media, config } = services;
  log.attachWire(send, { pressure: () => writer.pendingBytes > LIMITS.wirePressureBytes });
  log.info(`host ${HOST_VERSION} started (pid ${process.pid}, origin ${opts.origin ?? 'none'})`);

  const session = new AbortController();
  const ctx: HandlerContext = { ...services, emit: send, signal: session.signal, origin: opts.origin ?? null };
  const map = opts.handlerMap ?? handlers;
  const inflight = new Set<Promise<void>>();

  // Stale .part files from a crashed run; failures here must not stop the host.
  media.cleanupStaleParts(config.get().downloadDir).catch((e: unknown) => log.warn(`stale .part cleanup failed: ${String(e)}`));
  void sweepCookieDirs().catch(() => undefined);

  let exitCode = 0;
  const ended = new Promise<string>((resolve) => {
    const stop = readFrames(stdin, {
      onMessage: (value) => {
        const p = dispatch(value, map, ctx).then((res) => {
          // Log lines emitted while handling go out before the reply that concludes them.
          log.flush();
          writer.send(res);
        });
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
      },
      onBadFrame: (error) => {
        log.warn(`bad frame: ${error.message}`);
        writer.send({ kind: 'response', id: null, ok: false, error });
      },
      onEnd: (reason) => {
        if (reason === 'framing_lost') exitCode = 1;
        resolve(reason);
      },
    });
    if (opts.handleSignals !== false) {
      // A bug must not leave jobs orphaned: log it, then end the session the normal way.
      const onCrash = (e: unknown): void => {
        log.error(`unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        exitCode = 1;
        stop();
      };
      process.on('uncaughtException', onCrash);
      process.on('unhandledRejection', onCrash);
      const onSignal = (sig: NodeJS.Signals): void => {
        log.info(`received ${sig}`);
        stop();
      };
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
    }
  });

  const reason = await ended;
  log.info(`session ending (${reason}); cancelling jobs`);
  session.abort();
  const clean = await jobs.shutdown(opts.shutdownTimeoutMs ?? LIMITS.shutdownMs);
  if (!clean) log.error('some jobs did not stop in time');
  // Replies to requests already being handled still go out if the pipe is open.
  await Promise.race([Promise.allSettled([...inflight]), new Promise((r) => setTimeout(r, LIMITS.inflightDrainMs).unref())]);
  // Everything the root built: the registry, the resolver's background work, the log file.
  await services.close({ jobsTimeoutMs: 0 });
  await writer.flush();
  return clean ? exitCode : 1;
}
