/** Shared set-up for host tests that need real media: clips generated with ffmpeg, served with Range on 127.0.0.1. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeMedia } from '../../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../../fixtures/media-server.js';

export interface MediaEnv {
  dir: string;
  server: MediaServer;
  close(): Promise<void>;
}

export async function startMediaEnv(durationSec = 4): Promise<MediaEnv> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-media-'));
  await makeMedia(dir, 'direct-mp4', { durationSec, title: 'Host Test Clip' });
  const server = await startMediaServer(dir);
  return {
    dir,
    server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Processes (other than the test runner) whose command line mentions `needle`: orphans if any remain. */
export function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) pids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

export async function waitUntil(pred: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (pred()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return pred();
}
