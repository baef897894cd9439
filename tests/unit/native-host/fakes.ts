/** Stand-ins for unit tests: a fake media pipeline and a services bundle in a temp HOME. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Event, ProbeResult } from '../../../shared/protocol/index.js';
import { NexError } from '../../../shared/errors.js';
import type { DownloadHooks, DownloadSpec, ProbeDetail, Tools } from '../../../native-host/media/types.js';
import type { MediaApi } from '../../../native-host/services/media-api.js';
import { createServices, type HostServices } from '../../../native-host/services/host-services.js';
import type { HandlerContext } from '../../../native-host/handlers/types.js';

export const TOOLS: Tools = { ytdlp: '/bin/yt-dlp', ffmpeg: '/bin/ffmpeg', ffprobe: '/bin/ffprobe', ytdlpSupportsJsRuntimes: false, ytdlpVersion: '2023.03.04', ffmpegVersion: '5.1' };

export const PROBE: ProbeResult = { url: 'https://example.com/v', title: 'A title', durationSec: 3, thumbnail: null, formats: [], presets: [{ id: 'best', label: 'Best', kind: 'video' }] };

/** A download that ticks progress until `ms` elapses or the signal aborts (then rejects, like the pipeline). */
export function fakeDownload(ms = 50, fail?: NexError) {
  return (spec: DownloadSpec, hooks: DownloadHooks): Promise<{ path: string; bytes: number }> =>
    new Promise((resolve, reject) => {
      let pct = 0;
      const tick = setInterval(() => hooks.onProgress?.({ percent: Math.min(100, (pct += 10)), speed: 1000, etaSec: 1 }), 5);
      const done = setTimeout(() => {
        clearInterval(tick);
        if (fail) reject(fail);
        else resolve({ path: path.join(spec.outDir, 'out.mp4'), bytes: 42 });
      }, ms);
      hooks.signal?.addEventListener('abort', () => {
        clearInterval(tick);
        clearTimeout(done);
        reject(new NexError('job.cancelled', 'cancelled'));
      });
    });
}

export function fakeMediaApi(over: Partial<MediaApi> = {}): MediaApi {
  return {
    discoverTools: async () => TOOLS,
    toolReport: async () => [{ name: 'yt-dlp', path: '/bin/yt-dlp', version: '2023.03.04', ok: true }],
    probe: async (url): Promise<ProbeDetail> => ({ result: { ...PROBE, url }, info: {}, probedAt: Date.now() }),
    download: (spec, _tools, hooks) => fakeDownload()(spec, hooks),
    cleanupStaleParts: async () => undefined,
    ...over,
  };
}

export function tempHome(): { home: string; env: Record<string, string>; cleanup: () => void } {
  const home = mkdtempSync(path.join(os.tmpdir(), 'nexstream-unit-'));
  const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share') };
  return { home, env, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

export function fakeContext(env: Record<string, string>, media = fakeMediaApi()): HandlerContext & { events: Event[] } {
  const events: Event[] = [];
  const services: HostServices = createServices({ env, media, emit: (e) => events.push(e) });
  return { ...services, events, emit: (e) => events.push(e), signal: new AbortController().signal, origin: null };
}
