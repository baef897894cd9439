import type { DoctorReport, Event, JobInfo, LogLine } from '../../shared/protocol/index.js';
import { toErrorPayload } from '../../shared/errors.js';
import { applyJobEvent, isJobEvent, jobIdOf } from '../../shared/job-events.js';
import { redact } from '../../shared/redact.js';
import { FanoutQueue, type FanoutQueueOptions } from './fanout-queue.js';
import { LogStore, type LogStoreOptions } from './log-store.js';
import { servePort, type ServedPort } from '../background/serve-port.js';
import { DEVTOOLS_PORT_NAME, FromPanel, type HostState, type PortLike, type ToPanel } from './panel-protocol.js';

/** What the relay needs from the background's one native-port client (see ./host-adapter.ts). */
export interface RelayHost {
  /** Every event the host sends; returns an unsubscribe. */
  onEvent(listener: (event: Event) => void): () => void;
  /** Connection changes; returns an unsubscribe. */
  onState(listener: (state: HostState) => void): () => void;
  state(): HostState;
  doctor(): Promise<DoctorReport>;
  reconnect(): void;
}

export interface RelayOptions extends LogStoreOptions, FanoutQueueOptions {
  /** Lines per snapshot message; a late panel gets the rest in follow-up batches. Default 5,000. */
  snapshotChunk?: number;
}

export interface DevtoolsRelay {
  /** Takes a runtime port; returns false when it is not a DevTools port (so a port-name map can fall through). */
  accept(port: PortLike): boolean;
  readonly store: LogStore;
  readonly panels: number;
  detach(): void;
}

/**
 * The background side of the DevTools panel: remembers recent lines and jobs, redacts them,
 * and fans them out to every open panel at most once per interval.
 */
export function createDevtoolsRelay(host: RelayHost, opts: RelayOptions = {}): DevtoolsRelay {
  const store = new LogStore(opts);
  const jobs = new Map<string, JobInfo>();
  const ports = new Map<PortLike, ServedPort<ToPanel>>();
  const chunk = opts.snapshotChunk ?? 5000;

  const send = (port: PortLike, served: ServedPort<ToPanel>, msg: ToPanel): void => {
    if (!served.send(msg)) ports.delete(port); // the panel closed between our check and the send
  };
  const broadcast = (msg: ToPanel): void => {
    for (const [p, served] of ports) send(p, served, msg);
  };

  // Lines the queue sheds are still in the store (a panel opened later sees them); only live panels miss them.
  const queue = new FanoutQueue((batch) => {
    broadcast({ type: 'batch', lines: batch.lines, dropped: batch.dropped, jobs: batch.jobs });
  }, opts);

  const upsertJob = (job: JobInfo): void => {
    // The panel shows job URLs and errors: redacted like log lines (an old host may not have).
    const shown: JobInfo = { ...job, url: redact(job.url), ...(job.error && { error: { ...job.error, message: redact(job.error.message) } }) };
    jobs.set(job.id, shown);
    queue.pushJob(shown);
  };

  const onEvent = (e: Event): void => {
    if (isJobEvent(e)) {
      const next = applyJobEvent(jobs.get(jobIdOf(e)), e);
      if (next) upsertJob(next);
      return;
    }
    if (e.event !== 'log') return;
    const stored = e.lines.map((l) => store.add(l));
    // Relay what was stored (redacted, CR-collapsed), not what arrived.
    queue.pushLines(stored.map(({ seq: _seq, ...line }) => line));
    if (e.dropped > 0) {
      store.noteDropped(e.dropped);
      queue.noteDropped(e.dropped);
    }
  };

  const offEvent = host.onEvent(onEvent);
  const offState = host.onState((state) => broadcast({ type: 'host', host: state }));

  const handle = async (port: PortLike, served: ServedPort<ToPanel>, msg: FromPanel): Promise<void> => {
    switch (msg.type) {
      case 'doctor':
        try {
          send(port, served, { type: 'doctor', report: await host.doctor() });
        } catch (e) {
          send(port, served, { type: 'doctor', error: toErrorPayload(e) });
        }
        return;
      case 'reconnect':
        host.reconnect();
        return;
      case 'clear':
        queue.flushAll();
        store.clear();
        broadcast({ type: 'cleared' });
        return;
    }
  };

  const accept = (port: PortLike): boolean => {
    if (port.name !== DEVTOOLS_PORT_NAME) return false;
    // Flush first: lines waiting in the queue are already in the store, so the snapshot would repeat them.
    queue.flushAll();
    const served = servePort<FromPanel, ToPanel>(port, { accepts: FromPanel, onMessage: (m, s) => void handle(port, s, m) });
    ports.set(port, served);
    served.onClose(() => ports.delete(port));
    const lines = store.lines();
    send(port, served, { type: 'snapshot', lines: lines.slice(0, chunk).map(plain), jobs: [...jobs.values()], host: host.state() });
    for (let i = chunk; i < lines.length; i += chunk) send(port, served, { type: 'batch', lines: lines.slice(i, i + chunk).map(plain), dropped: 0, jobs: [] });
    return true;
  };

  return {
    accept,
    store,
    get panels() {
      return ports.size;
    },
    detach() {
      offEvent();
      offState();
      queue.dispose();
      for (const p of ports.keys()) p.disconnect();
      ports.clear();
    },
  };
}

function plain({ seq: _seq, ...line }: LogLine & { seq: number; dropped?: number }): LogLine & { dropped?: number } {
  return line;
}
