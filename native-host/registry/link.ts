/**
 * One connection to the cache database (local file, remote server, or embedded replica) that never
 * throws and never hangs: every call is bounded by a timeout, and two outage or auth failures in a row
 * open a circuit breaker (cockatiel; one slow call under load is no outage) so later calls answer
 * "not cached" at once until `retryMs` has passed; then the next call reconnects, and writes resume.
 * Health changes are logged once, not per call.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@libsql/client';
import pLimit, { type LimitFunction } from 'p-limit';
import { BrokenCircuitError, ConsecutiveBreaker, TimeoutStrategy, circuitBreaker, handleWhen, timeout, type IPolicy } from 'cockatiel';
import type { StructuredLog } from '../log/types.js';
import type { ClientSpec } from './config.js';
import { OpenFailed, describeError, faultCode, faultMessage, isOutage, type RegistryHealth } from './faults.js';
import { linkFetch, type LinkFetch } from './http-fetch.js';
import { migrate } from './migrate.js';
import type { Migration } from './migrations/index.js';

export interface LinkOptions {
  kind: 'local' | 'remote' | 'replica';
  spec: ClientSpec;
  /** The server (remote/replica): migrations run there, and auth is checked there before a replica syncs. */
  server: ClientSpec | null;
  migrations: Migration[];
  opTimeoutMs: number;
  openTimeoutMs: number;
  retryMs: number;
  /** Replica only: background pull interval; 0 = only at open. */
  syncIntervalSec: number;
  /**
   * Replica only: an async check that the server answers, run before every sync. libSQL's embedded
   * replica syncs synchronously on the main thread: against a server that accepts but never answers,
   * one sync froze the event loop for 197 s here. A bounded HTTP query first keeps that from happening.
   */
  serverAnswers?: () => Promise<boolean>;
  log: StructuredLog;
}

const BUSY = /SQLITE_BUSY|database is locked/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function newClient(spec: ClientSpec, http: LinkFetch): Promise<Client> {
  // A local file's folder may not exist yet (a first CLI run writes no log file that would have made it).
  if (spec.url.startsWith('file:')) await mkdir(path.dirname(spec.url.slice('file:'.length)), { recursive: true, mode: 0o700 });
  // Loaded on first open, not at host start: the driver takes ~0.5 s to import and only resolves need it.
  const { createClient } = await import('@libsql/client');
  return createClient({ ...spec, fetch: http.fetch });
}

/** Opens and migrates; local files retry a few times because switching to WAL needs a moment alone with the file. */
async function openClient(o: LinkOptions, http: LinkFetch): Promise<Client> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openOnce(o, http);
    } catch (e) {
      if (o.kind !== 'local' || attempt >= 6 || !BUSY.test(String(e))) throw e;
      await sleep(50 * attempt + Math.random() * 50);
    }
  }
}

async function openOnce(o: LinkOptions, http: LinkFetch): Promise<Client> {
  if (o.kind === 'replica' && o.server) {
    // Against the server itself first: a bad token is a clear 401 here, where the replica's sync only times out.
    const server = await newClient(o.server, http);
    try {
      await migrate(server, o.migrations);
    } finally {
      server.close();
    }
  }
  const client = await newClient(o.spec, http);
  try {
    if (o.kind === 'local') {
      const mode = await client.execute('PRAGMA journal_mode');
      if (String(mode.rows[0]?.journal_mode ?? '').toLowerCase() !== 'wal') await client.execute('PRAGMA journal_mode=WAL');
    }
    if (o.kind === 'replica') await client.sync();
    else await migrate(client, o.migrations);
    return client;
  } catch (e) {
    client.close();
    throw e;
  }
}

/**
 * sqld answers SQLITE_BUSY at once when another connection holds the write lock (4 hosts writing at
 * once hit it within seconds): a few short jittered retries, all inside the op timeout.
 */
async function withBusyRetry<T>(fn: (c: Client) => Promise<T>, c: Client): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(c);
    } catch (e) {
      if (attempt >= 10 || !BUSY.test(String(e))) throw e;
      await sleep(10 * attempt + Math.random() * 20);
    }
  }
}

export class Link {
  private client: Client | null = null;
  private opening: Promise<Client> | null = null;
  private closed = false;
  private readonly breaker: IPolicy;
  private readonly opLimit: IPolicy;
  private readonly openLimit: IPolicy;
  private readonly timer: NodeJS.Timeout | null = null;
  private readonly http: LinkFetch;
  /**
   * One write transaction in flight per link. sqld 0.24's write-slot queue (connection_manager.rs) can hand
   * the slot to a waiter that never takes it; every waiter then sits out TXN_TIMEOUT (5 s) per stale slot.
   * Measured with 4 hosts x 4 concurrent writes under load: stalls of 5-20 s in 6 of 18 runs (Node 20 and 24
   * alike), none in 11 runs with one write per host at a time. Each write takes the server a few ms.
   */
  private readonly writeQueue: LimitFunction = pLimit(1);
  health: RegistryHealth;

  constructor(private readonly o: LinkOptions) {
    this.health = { mode: o.kind, state: 'ok' };
    this.breaker = circuitBreaker(handleWhen(isOutage), { halfOpenAfter: o.retryMs, breaker: new ConsecutiveBreaker(2) });
    this.opLimit = timeout(o.opTimeoutMs, TimeoutStrategy.Aggressive);
    // Opening migrates (a write transaction) and a replica syncs: slower than one query, so bounded apart.
    this.openLimit = timeout(o.openTimeoutMs, TimeoutStrategy.Aggressive);
    // An HTTP request outlives neither the longest wait a caller has for it nor the link.
    this.http = linkFetch(Math.max(o.opTimeoutMs, o.openTimeoutMs) + 1000);
    if (o.kind === 'replica' && o.syncIntervalSec > 0) {
      this.timer = setInterval(() => void this.sync(), o.syncIntervalSec * 1000);
      this.timer.unref();
    }
  }

  get available(): boolean {
    return this.client !== null && this.health.state === 'ok';
  }

  /** Single-flight: concurrent calls share one open; a failed open is retried by the next call the breaker lets through. */
  private connect(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.opening ??= openClient(this.o, this.http).then(
      (c) => {
        this.opening = null;
        if (this.closed) c.close();
        else this.client = c;
        return c;
      },
      (e: unknown) => {
        this.opening = null;
        throw new OpenFailed(e);
      },
    );
    return this.opening;
  }

  private inflight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  /**
   * Replica, after a write: resolves once a sync that started after this call is done, so the host reads
   * its own write. Concurrent writers share rounds (each sync holds the main thread for a moment).
   */
  syncAfterWrite(): Promise<void> {
    if (!this.inflight) {
      this.inflight = this.sync().finally(() => {
        this.inflight = null;
      });
      return this.inflight;
    }
    // The running sync may have started before this write committed: wait for the next round.
    this.queued ??= this.inflight.then(() => {
      this.queued = null;
      return this.syncAfterWrite();
    });
    return this.queued;
  }

  /** Replica: pulls rows other machines wrote, only once the server has answered an async check. */
  async sync(): Promise<void> {
    if (this.o.kind !== 'replica') return;
    await this.run(
      'sync',
      async (c) => {
        if (this.o.serverAnswers && !(await this.o.serverAnswers())) throw new Error('Unavailable: the server did not answer the check before sync');
        if (!this.closed) await c.sync();
      },
      null,
    );
  }

  /** A write: like `run`, one at a time (see writeQueue); the op timeout starts when its turn comes. */
  write<T>(op: string, fn: (c: Client) => Promise<T>, fallback: T): Promise<T> {
    return this.writeQueue(() => this.run(op, fn, fallback));
  }

  /** Runs `fn` against the database; any failure is logged and answered with `fallback`. */
  async run<T>(op: string, fn: (c: Client) => Promise<T>, fallback: T): Promise<T> {
    if (this.closed) return fallback;
    try {
      // A signal per call: cockatiel's shared default signal would collect one listener per concurrent call.
      const r = await this.breaker.execute(async () => {
        const c = await this.openLimit.execute(() => this.connect(), new AbortController().signal);
        return this.opLimit.execute(() => withBusyRetry(fn, c), new AbortController().signal);
      }, new AbortController().signal);
      this.healthy();
      return r as T;
    } catch (e) {
      if (e instanceof BrokenCircuitError) return fallback;
      this.failed(op, e);
      return fallback;
    }
  }

  private healthy(): void {
    if (this.health.state === 'ok') return;
    this.o.log({ level: 'info', event: 'registry.restored', mode: this.o.kind, was: this.health.code });
    this.health = { mode: this.o.kind, state: 'ok' };
  }

  private failed(op: string, e: unknown): void {
    const detail = describeError(e, this.o.spec.authToken);
    if (!isOutage(e)) {
      this.o.log({ level: 'error', event: 'registry.error', op, error: detail });
      return;
    }
    const code = faultCode(e);
    const changed = this.health.code !== code;
    this.health = { mode: this.o.kind, state: code === 'registry.auth' ? 'auth' : 'unavailable', code, message: faultMessage(code, this.o.kind, detail) };
    // The client itself is kept: other calls may be using it, and libSQL reconnects to a server that is back.
    if (changed) this.o.log({ level: 'error', event: code, mode: this.o.kind, op, error: detail, note: 'resolving without the registry cache', retryMs: this.o.retryMs });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.http.close();
    this.client?.close();
    this.client = null;
  }
}
