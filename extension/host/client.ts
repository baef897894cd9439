/**
 * The native-port client owned by the background worker: ONE long-lived connectNative port,
 * request ids, per-request timeouts, event fan-out, and reconnect with backoff. A disconnect
 * rejects every pending request and resets state (keepassxc-browser's client does the same).
 */
import {
  HostMessage,
  PROTOCOL_VERSION,
  Request,
  ResultSchemas,
  type ErrorPayload,
  type Event,
  type RegistryStatus,
  type RequestOf,
  type RequestType,
  type ResultOf,
} from '../../shared/protocol/index.js';
import { HostRequestError, classifyDisconnect } from './errors.js';
import type { Connect, NativePort } from './port.js';
import { DEFAULT_TIMEOUTS_MS, FALLBACK_TIMEOUT_MS } from './timeouts.js';

/** `mismatch`: the host answered the handshake with another PROTOCOL_VERSION (error says which). */
export type HostStatus = 'idle' | 'connecting' | 'ready' | 'not_installed' | 'disconnected' | 'mismatch';

export interface HostState {
  status: HostStatus;
  /** Host version from the handshake ping. */
  version?: string;
  /** Why the last port closed (set for not_installed / disconnected). */
  error?: ErrorPayload;
  /** The host's registry (from `doctor` after the handshake): shown when it is registry.auth / registry.unavailable. */
  registry?: RegistryStatus;
}

export type RequestParams<T extends RequestType> = Omit<RequestOf<T>, 'id' | 'type'>;

export interface HostClientOptions {
  connect: Connect;
  /** Per request type timeouts, merged over DEFAULT_TIMEOUTS_MS. */
  timeoutsMs?: Partial<Record<RequestType, number>>;
  /** First reconnect delay; doubles per failed attempt. Default 500 ms. */
  backoffBaseMs?: number;
  /** Ceiling for the reconnect delay. Default 30 s. */
  backoffMaxMs?: number;
  /** Asked after an unexpected disconnect: reconnect on our own (e.g. jobs or a popup are live)? Default: always. */
  shouldReconnect?: () => boolean;
}

interface Pending {
  type: RequestType;
  resolve: (value: unknown) => void;
  reject: (error: HostRequestError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class HostClient {
  private port: NativePort | null = null;
  private readonly pending = new Map<string, Pending>();
  private seq = 0;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private current: HostState = { status: 'idle' };
  private readonly eventListeners = new Set<(e: Event) => void>();
  private readonly stateListeners = new Set<(s: HostState) => void>();
  private readonly timeouts: Record<string, number>;

  constructor(private readonly opts: HostClientOptions) {
    this.timeouts = { ...DEFAULT_TIMEOUTS_MS, ...opts.timeoutsMs };
  }

  get state(): HostState {
    return this.current;
  }

  /**
   * Sends one request; resolves with the validated result, rejects with a HostRequestError.
   * `options.id` names the request (events such as resolve.partial carry it); default `r<seq>`.
   */
  request<T extends RequestType>(type: T, params: RequestParams<T>, options: { timeoutMs?: number; id?: string } = {}): Promise<ResultOf<T>> {
    const id = options.id ?? `r${++this.seq}`;
    const parsed = Request.safeParse({ ...params, id, type });
    if (!parsed.success) {
      const code = parsed.error.issues.some((i) => i.path[0] === 'url') ? 'input.invalid_url' : 'input.invalid';
      return Promise.reject(new HostRequestError({ code, message: parsed.error.issues[0]?.message ?? 'Invalid request' }));
    }
    // A host speaking another protocol gets nothing but a fresh handshake (it may have been updated since).
    if (this.current.status === 'mismatch' && this.current.error) {
      const error = this.current.error;
      this.ensurePort();
      return Promise.reject(new HostRequestError(error));
    }
    const port = this.ensurePort();
    if (!port) return Promise.reject(new HostRequestError(this.current.error ?? classifyDisconnect(undefined)));
    return this.send(port, parsed.data, options.timeoutMs) as Promise<ResultOf<T>>;
  }

  /** Connects now (handshake ping) if no port is open. Resolves once the host answered or failed. */
  async connect(): Promise<HostState> {
    if (this.current.status === 'ready' && this.port) return this.current;
    await this.request('ping', {}).catch(() => undefined);
    return this.current;
  }

  onEvent(listener: (e: Event) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onState(listener: (s: HostState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Closes the port on purpose: pending requests fail, no reconnect. */
  close(): void {
    this.clearReconnect();
    const port = this.port;
    this.port = null;
    // A port we disconnect ourselves never fires onDisconnect, so reset here.
    this.failAll({ code: 'host.disconnected', message: 'Closed by the extension.' });
    this.setState({ status: 'idle' });
    port?.disconnect();
  }

  private send(port: NativePort, message: Request, timeoutMs?: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const ms = timeoutMs ?? this.timeouts[message.type] ?? FALLBACK_TIMEOUT_MS;
      const timer = setTimeout(() => {
        this.pending.delete(message.id);
        reject(new HostRequestError({ code: 'protocol.timeout', message: `No answer to ${message.type} within ${ms} ms.`, details: { type: message.type, ms } }));
      }, ms);
      this.pending.set(message.id, { type: message.type, resolve, reject, timer });
      try {
        port.postMessage(message);
      } catch (e) {
        // Posting on a port that just died throws; the disconnect handler will reject the rest.
        clearTimeout(timer);
        this.pending.delete(message.id);
        reject(new HostRequestError({ code: 'host.disconnected', message: e instanceof Error ? e.message : String(e) }, { cause: e }));
      }
    });
  }

  private ensurePort(): NativePort | null {
    if (this.port) return this.port;
    this.clearReconnect();
    let port: NativePort;
    try {
      port = this.opts.connect();
    } catch (e) {
      this.setState({ status: 'not_installed', error: classifyDisconnect(e instanceof Error ? e.message : String(e)) });
      return null;
    }
    this.port = port;
    this.setState({ status: 'connecting' });
    port.onMessage.addListener((m) => {
      if (this.port === port) this.receive(m);
    });
    port.onDisconnect.addListener((reason) => {
      if (this.port === port) this.disconnected(reason.message);
    });
    // Handshake: the first answer proves the host runs (a missing host fails this via onDisconnect).
    this.send(port, { id: `r${++this.seq}`, type: 'ping' })
      .then((r) => {
        const result = r as ResultOf<'ping'>;
        this.attempt = 0;
        if (this.port !== port) return;
        if (result.protocol !== PROTOCOL_VERSION) {
          // Requests sent meanwhile fail with the one clear error; no reconnect until asked again.
          const error = versionMismatch(result);
          this.port = null;
          this.failAll(error);
          this.setState({ status: 'mismatch', version: result.version, error });
          port.disconnect();
          return;
        }
        this.setState({ status: 'ready', version: result.version });
        // Once per connection, off the handshake's path: the popup's status line shows a broken shared registry.
        this.request('doctor', {})
          .then((d) => {
            if (this.port === port && d.registry) this.setState({ ...this.current, registry: d.registry });
          })
          .catch(() => {});
      })
      .catch((e: unknown) => {
        // A host that started but never answers is as good as gone: drop it so the next request starts a fresh one.
        if (this.port === port && e instanceof HostRequestError && e.code === 'protocol.timeout') {
          port.disconnect();
          this.disconnected('The native host did not answer its handshake.');
        }
      });
    return port;
  }

  private receive(raw: unknown): void {
    const parsed = HostMessage.safeParse(raw);
    if (!parsed.success) {
      console.warn('[nexstream] dropped an invalid host message', parsed.error.issues[0]);
      return;
    }
    const msg = parsed.data;
    if (msg.kind === 'event') {
      for (const l of this.eventListeners) l(msg);
      return;
    }
    if (msg.id == null) return;
    const p = this.pending.get(msg.id);
    if (!p) return; // late answer to a request that already timed out
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (!msg.ok) return p.reject(new HostRequestError(msg.error));
    const result = ResultSchemas[p.type].safeParse(msg.result);
    if (result.success) p.resolve(result.data);
    else p.reject(new HostRequestError({ code: 'protocol.bad_frame', message: `Malformed ${p.type} result from the host.`, details: { issue: result.error.issues[0]?.message } }));
  }

  private disconnected(reason: string | undefined): void {
    this.port = null;
    const error = classifyDisconnect(reason);
    this.failAll(error);
    const notInstalled = error.code === 'host.not_installed';
    this.setState({ status: notInstalled ? 'not_installed' : 'disconnected', error });
    // A missing host will not appear by itself: the next request (popup open) retries instead.
    if (!notInstalled && (this.opts.shouldReconnect?.() ?? true)) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const base = this.opts.backoffBaseMs ?? 500;
    const delay = Math.min(base * 2 ** this.attempt, this.opts.backoffMaxMs ?? 30_000);
    this.attempt++;
    this.clearReconnect();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.port) this.ensurePort();
    }, delay);
  }

  private clearReconnect(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private failAll(error: ErrorPayload): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(new HostRequestError(error));
    }
  }

  private setState(next: HostState): void {
    this.current = next;
    for (const l of this.stateListeners) l(next);
  }
}

/** The handshake found a host that speaks another protocol: the popup shows one "update the host" card. */
export function versionMismatch(ping: ResultOf<'ping'>): ErrorPayload {
  return {
    code: 'protocol.version',
    message: `The NexStream helper ${ping.version} speaks protocol ${ping.protocol}; this extension speaks protocol ${PROTOCOL_VERSION}.`,
    details: { hostProtocol: ping.protocol, extensionProtocol: PROTOCOL_VERSION, hostVersion: ping.version },
  };
}
