/**
 * Runs the real host (runHost: logger, wire batcher, frame writer, dispatcher, job manager) in this
 * process over in-memory pipes, with a stand-in MediaApi. The "browser" end decodes real frames
 * from a Writable that drains like a pipe, so the host's backpressure paths are exercised.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { HostMessage, type Event } from '../../../../shared/protocol/index.js';
import { runHost } from '../../../../native-host/main.js';
import type { MediaApi } from '../../../../native-host/services/media-api.js';
import { frame } from '../../../fixtures/frames.js';

export interface InProcessHost {
  send(msg: unknown): void;
  onEvent(fn: (e: Event) => void): () => void;
  /** Resolves with the response to request `id`. */
  reply(id: string, timeoutMs?: number): Promise<Extract<HostMessage, { kind: 'response' }>>;
  frames: () => number;
  /** Time the stand-in browser spent decoding and validating frames, ms. */
  decodeMs: () => number;
  close(): Promise<number>;
}

export function startInProcessHost(media: MediaApi): InProcessHost {
  const home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-devtools-'));
  const stdin = new PassThrough();
  const events = new Set<(e: Event) => void>();
  const waiters = new Map<string, (m: Extract<HostMessage, { kind: 'response' }>) => void>();
  let frames = 0;
  let decodeMs = 0;
  let buf: Buffer = Buffer.alloc(0);
  // A pipe to the browser: small buffer, drained asynchronously, like Chrome reading stdout.
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _enc, cb) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      while (buf.length >= 4) {
        const n = buf.readUInt32LE(0);
        if (buf.length < 4 + n) break;
        const t = performance.now();
        const msg = HostMessage.parse(JSON.parse(buf.subarray(4, 4 + n).toString('utf8')));
        decodeMs += performance.now() - t;
        buf = buf.subarray(4 + n);
        frames++;
        if (msg.kind === 'event') events.forEach((fn) => fn(msg));
        else if (msg.id !== null) waiters.get(msg.id)?.(msg);
      }
      setImmediate(cb);
    },
  });
  const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'), NEXSTREAM_DOWNLOAD_DIR: path.join(home, 'dl'), PATH: process.env.PATH };
  const done = runHost({ env, stdin, sink, media, handleSignals: false, shutdownTimeoutMs: 2000 });
  return {
    send(msg) {
      stdin.write(frame(msg));
    },
    onEvent(fn) {
      events.add(fn);
      return () => events.delete(fn);
    },
    reply(id, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no reply to ${id} in ${timeoutMs} ms`)), timeoutMs);
        waiters.set(id, (m) => {
          clearTimeout(t);
          waiters.delete(id);
          resolve(m);
        });
      });
    },
    frames: () => frames,
    decodeMs: () => decodeMs,
    async close() {
      stdin.end();
      const code = await done;
      rmSync(home, { recursive: true, force: true });
      return code;
    },
  };
}
