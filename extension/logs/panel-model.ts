import type { DoctorReport, ErrorPayload, JobInfo } from '../../shared/protocol/index.js';
import { LogStore, type LogStoreOptions } from './log-store.js';
import { ToPanel, type HostState } from './panel-protocol.js';

/**
 * Everything one panel knows, fed by relay messages. Renderers subscribe and are told at most once
 * per animation frame, however many batches arrived meanwhile.
 */
export class PanelModel {
  readonly store: LogStore;
  jobs = new Map<string, JobInfo>();
  host: HostState = { connected: false };
  doctor: { report?: DoctorReport; error?: ErrorPayload } | null = null;
  /** Whether the relay is reachable at all (the service worker can be restarting). */
  linked = false;
  version = 0;
  private listeners = new Set<() => void>();
  private pending = false;

  constructor(
    opts: LogStoreOptions = {},
    private readonly frame: (fn: () => void) => void = defaultFrame,
  ) {
    this.store = new LogStore(opts);
  }

  /** Applies one relay message; invalid ones are ignored (and say so in the console, once per kind). */
  apply(raw: unknown): void {
    const parsed = ToPanel.safeParse(raw);
    if (!parsed.success) {
      console.warn('NexStream panel: ignored a malformed relay message', parsed.error.issues[0]);
      return;
    }
    const msg = parsed.data;
    switch (msg.type) {
      case 'snapshot':
        // A snapshot is the whole truth: after a reconnect it replaces what we had, not adds to it.
        this.store.clear();
        this.store.addMany(msg.lines);
        this.jobs = new Map(msg.jobs.map((j) => [j.id, j]));
        this.host = msg.host;
        break;
      case 'batch':
        for (const j of msg.jobs) this.jobs.set(j.id, j);
        this.store.addMany(msg.lines);
        this.store.noteDropped(msg.dropped);
        break;
      case 'host':
        this.host = msg.host;
        break;
      case 'doctor':
        this.doctor = { ...(msg.report && { report: msg.report }), ...(msg.error && { error: msg.error }) };
        break;
      case 'cleared':
        this.store.clear();
        break;
    }
    this.changed();
  }

  setLinked(linked: boolean): void {
    this.linked = linked;
    this.changed();
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    if (this.pending) return;
    this.pending = true;
    this.frame(() => {
      this.pending = false;
      for (const fn of this.listeners) fn();
    });
  }
}

function defaultFrame(fn: () => void): void {
  // Hidden DevTools panels get no animation frames; fall back so state still settles.
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) requestAnimationFrame(fn);
  else setTimeout(fn, 100);
}
