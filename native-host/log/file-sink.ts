/**
 * Appends log lines as JSON to a file with size-capped rotation (host.log, host.log.1 ... .N).
 * Synchronous on purpose: batches are small and flushed every ~50 ms, and a sync write cannot be
 * lost when the process exits right after a disconnect.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LogLine } from '../../shared/protocol/index.js';

export interface FileSinkOptions {
  path: string;
  /** Default 5 MB. */
  maxBytes?: number;
  /** Rotated files kept besides the live one; default 3. */
  keep?: number;
}

export class FileSink {
  private size: number;
  private broken = false;
  /** Kept open between writes: opening and closing the file per line cost more than the write itself. */
  private fd: number | null = null;
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(private readonly opts: FileSinkOptions) {
    this.maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
    this.keep = opts.keep ?? 3;
    try {
      mkdirSync(path.dirname(opts.path), { recursive: true, mode: 0o700 });
      this.size = statSync(opts.path).size;
    } catch {
      this.size = 0;
    }
  }

  write(lines: readonly LogLine[]): void {
    if (this.broken || lines.length === 0) return;
    const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const bytes = Buffer.byteLength(text);
    try {
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      this.fd ??= openSync(this.opts.path, 'a', 0o600);
      writeSync(this.fd, text);
      this.size += bytes;
    } catch (e) {
      // A full disk or read-only dir must not take the host down; say it once on stderr.
      this.broken = true;
      console.error(`nexstream: log file disabled: ${(e as Error).message}`);
    }
  }

  /** Closes the file; the next write reopens it. */
  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    this.fd = null;
  }

  private rotate(): void {
    this.close();
    const p = this.opts.path;
    rmSync(`${p}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      try {
        renameSync(`${p}.${i}`, `${p}.${i + 1}`);
      } catch {
        /* that generation does not exist yet */
      }
    }
    if (this.keep > 0) renameSync(p, `${p}.1`);
    else rmSync(p, { force: true });
    this.size = 0;
  }
}
