/**
 * The host's structured logger. Every line is redacted once, then goes to the per-job ring
 * (logs.tail), the rotating file and, once a browser is attached, the wire as batched `log` events.
 */
import type { EventOf, LogLevel, LogLine, LogSource } from '../../shared/protocol/index.js';
import type { LogFn } from './types.js';
import { FileSink, type FileSinkOptions } from './file-sink.js';
import { LogRing } from './ring.js';
import { createRedactor } from '../../shared/redact.js';
import { WireBatcher, type WireBatcherOptions } from './wire-batcher.js';

export interface LogInput {
  level: LogLevel;
  text: string;
  source?: LogSource;
  jobId?: string | null;
  replaceKey?: string;
}

export interface LoggerOptions {
  /** Rotating JSON-lines file; omitted = no file. */
  file?: FileSinkOptions;
  /** Values to mask wherever they appear (API keys); read on every line so config.set takes effect. */
  secrets?: () => readonly string[];
  /** Also echo lines to stderr (CLI --verbose). */
  stderrLevel?: LogLevel | null;
  now?: () => number;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export class Logger {
  private readonly ring = new LogRing();
  private readonly file: FileSink | null;
  private readonly redact: (s: string) => string;
  private wire: WireBatcher | null = null;

  constructor(private readonly opts: LoggerOptions = {}) {
    this.file = opts.file ? new FileSink(opts.file) : null;
    this.redact = createRedactor(opts.secrets ?? (() => []));
  }

  /** Start sending batched `log` events (host mode, once the transport is up). */
  attachWire(send: (ev: EventOf<'log'>) => void, opts: Omit<WireBatcherOptions, 'send'> = {}): void {
    this.wire = new WireBatcher({ ...opts, send });
  }

  write(input: LogInput): void {
    const line: LogLine = {
      t: (this.opts.now ?? Date.now)(),
      jobId: input.jobId ?? null,
      source: input.source ?? 'host',
      level: input.level,
      text: this.redact(input.text),
    };
    if (input.replaceKey !== undefined) line.replaceKey = input.replaceKey;
    this.ring.add(line);
    // Replaceable lines are live progress; the file keeps only what is worth reading later.
    if (line.replaceKey === undefined) this.file?.write([line]);
    this.wire?.add(line);
    const echo = this.opts.stderrLevel;
    if (echo && RANK[line.level] >= RANK[echo]) console.error(`[${line.source}] ${line.level}: ${line.text}`);
  }

  debug(text: string, jobId: string | null = null): void {
    this.write({ level: 'debug', text, jobId });
  }
  info(text: string, jobId: string | null = null): void {
    this.write({ level: 'info', text, jobId });
  }
  warn(text: string, jobId: string | null = null): void {
    this.write({ level: 'warn', text, jobId });
  }
  error(text: string, jobId: string | null = null): void {
    this.write({ level: 'error', text, jobId });
  }

  /** A LogFn bound to one job, in the shape the media pipeline takes. */
  forJob(jobId: string | null): LogFn {
    return (l) => this.write({ ...l, jobId });
  }

  tail(jobId?: string, limit = 200): LogLine[] {
    return this.ring.tail(jobId, limit);
  }

  /** Sends whatever is batched now (before exit, or before a reply that should follow the logs). */
  flush(): void {
    this.wire?.flush();
  }

  /** Sends what is batched and closes the log file (end of a host session). */
  close(): void {
    this.wire?.flush();
    this.file?.close();
  }
}
