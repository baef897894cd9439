/**
 * Shared set-up for the fault tests: one private host bundle, hosts that can only reach loopback
 * (provider endpoints point at a closed port), and counters the tests print.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHost, startHost, type HostProc } from '../integration/native-host/host-process.js';

/** Port 9 (discard) is closed on loopback: a request that escapes the test fails at once, never reaches the internet. */
export const CLOSED = 'http://127.0.0.1:9';

export const LOOPBACK_ENV = {
  NEXSTREAM_DEEZER_API: CLOSED,
  NEXSTREAM_ITUNES_API: CLOSED,
  NEXSTREAM_ODESLI_API: CLOSED,
  NEXSTREAM_YTMUSIC_URL: CLOSED,
  GROQ_BASE_URL: CLOSED,
  NEXSTREAM_GEMINI_BASE_URL: CLOSED,
};

export interface FaultEnv {
  entry: string;
  start(env?: Record<string, string>): HostProc;
  tmp(prefix: string): string;
  dispose(): void;
}

export async function faultEnv(): Promise<FaultEnv> {
  const built = await buildHost();
  const procs: HostProc[] = [];
  const dirs: string[] = [];
  return {
    entry: built.entry,
    start: (env = {}) => {
      const h = startHost(built.entry, { ...LOOPBACK_ENV, ...env });
      procs.push(h);
      return h;
    },
    tmp: (prefix) => {
      const d = mkdtempSync(path.join(os.tmpdir(), `nexstream-fault-${prefix}-`));
      dirs.push(d);
      return d;
    },
    dispose: () => {
      for (const p of procs) p.cleanup();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      built.dispose();
    },
  };
}

export { header } from '../fixtures/frames.js';
