/**
 * Bench media: a 1080p H.264 video and an AAC audio as separate DASH representations of a given size,
 * generated with ffmpeg (lavfi, -preset ultrafast) once and cached by parameters, so reruns are fast.
 * A short clip is encoded and then looped with -c copy: multi-hundred-MB sources in seconds.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { dashPairMpd } from '../../tests/fixtures/dash-mpd.js';
import type { MediaServer } from '../../tests/fixtures/media-server.js';

const FFMPEG = process.env.NEXSTREAM_FFMPEG ?? 'ffmpeg';
export const CACHE_DIR = path.join(os.tmpdir(), 'nexstream-bench-cache');
/** Bump when the generator changes, so stale caches are not reused. */
const GEN_VERSION = 2;
const CLIP_SEC = 10;

async function ff(args: string[], cwd: string): Promise<void> {
  await execa(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { cwd, timeout: 15 * 60_000 });
}

async function sizeOf(p: string): Promise<number> {
  return (await stat(p)).size;
}

/** The 10 s 1080p clip everything is looped from (high quality so it is big, like a real 1080p stream). */
async function clip(): Promise<string> {
  const dir = path.join(CACHE_DIR, `clip-v${GEN_VERSION}`);
  const file = path.join(dir, 'clip.mp4');
  if (existsSync(file)) return file;
  await mkdir(dir, { recursive: true });
  await ff(['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=30:duration=${CLIP_SEC}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '6', '-pix_fmt', 'yuv420p', '-g', '60', '-an', 'tmp.mp4'], dir);
  await rename(path.join(dir, 'tmp.mp4'), file);
  return file;
}

export interface DashSource {
  dir: string;
  /** Path of the manifest inside dir. */
  manifest: string;
  videoSec: number;
  videoBytes: number;
  audioBytes: number;
}

/**
 * About `sizeMB` of 1080p video (plus its audio) under a cache dir keyed by the size.
 * The MPD names each representation with a plain BaseURL (what yt-dlp 2023.03 turns into direct
 * http formats; ffmpeg's own single-file DASH output uses SegmentList ranges it cannot parse).
 */
export async function dashSource(sizeMB: number): Promise<DashSource> {
  const dir = path.join(CACHE_DIR, `dash-1080p-${sizeMB}MB-v${GEN_VERSION}`);
  const done = path.join(dir, 'ready.json');
  if (!existsSync(done)) {
    const src = await clip();
    const clipBytes = await sizeOf(src);
    const loops = Math.max(1, Math.ceil((sizeMB * 1024 * 1024) / clipBytes));
    const videoSec = loops * CLIP_SEC;
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await ff(['-stream_loop', String(loops - 1), '-i', src, '-c', 'copy', '-movflags', '+faststart', 'video.mp4'], dir);
    await ff(['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${videoSec}`, '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-movflags', '+faststart', 'audio.m4a'], dir);
    await writeFile(path.join(dir, 'manifest.mpd'), dashPairMpd(videoSec, { id: 'v1080', codecs: 'avc1.640028', bandwidth: 30_000_000, width: 1920, height: 1080, fps: 30 }, { id: 'a128', codecs: 'mp4a.40.2', bandwidth: 128_000, sampleRate: 48000 }));
    await writeFile(done, JSON.stringify({ videoSec }));
  }
  const { videoSec } = JSON.parse(await readFile(done, 'utf8')) as { videoSec: number };
  return { dir, manifest: 'manifest.mpd', videoSec, videoBytes: await sizeOf(path.join(dir, 'video.mp4')), audioBytes: await sizeOf(path.join(dir, 'audio.m4a')) };
}


/** What the bench needs of a server it does not run itself. */
export type BenchServer = Pick<MediaServer, 'url' | 'close'>;

export interface ServedSource extends DashSource {
  server: BenchServer;
  manifestUrl: string;
  videoUrl: string;
  audioUrl: string;
}

const SERVER_PROCESS = fileURLToPath(new URL('../fixtures/media-server-process.ts', import.meta.url));

/**
 * On the last CPU (Linux, 2+ CPUs, util-linux taskset present), like a server that is not on the user's machine. Unpinned,
 * the scheduler often woke ffmpeg on the server's CPU (where the server had just written to the socket): the same bare
 * remux took ~300 ms with the two on different CPUs and ~500 ms on one, at random, which swung medians by +-15 %.
 * Pinned, ffmpeg stays on the other CPU: 403..526 ms over 10 runs, where unpinned gave 463..653.
 */
function pinnedToLastCpu(file: string, args: string[]): [string, string[]] {
  const cpus = os.availableParallelism();
  const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));
  return process.platform === 'linux' && cpus > 1 && taskset ? [taskset, ['-c', String(cpus - 1), file, ...args]] : [file, args];
}

/**
 * The media server as a process of its own, in its own session, like a remote server. Inside the bench's process
 * it shared one event loop and its CPU with the bench and became the bottleneck: a bare remux of the 250 MB source
 * took ~1000 ms there against ~500 ms served from here, which hid most of what the product adds to it.
 */
async function startServerProcess(dir: string): Promise<BenchServer> {
  const [file, args] = pinnedToLastCpu(process.execPath, ['--import', 'tsx', SERVER_PROCESS, dir]);
  const child = execa(file, args, { detached: true, stdin: 'pipe', stdout: 'pipe', stderr: 'inherit', buffer: false, reject: false });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const line = out.split('\n');
      if (line.length > 1 && line[0]) resolve(line[0]);
    });
    void child.then((r) => reject(new Error(`media server exited ${String(r.exitCode)}`)));
  });
  return {
    url,
    close: async () => {
      child.stdin.end();
      await child;
    },
  };
}

export async function serveDash(sizeMB: number): Promise<ServedSource> {
  const s = await dashSource(sizeMB);
  const server = await startServerProcess(s.dir);
  return { ...s, server, manifestUrl: `${server.url}manifest.mpd`, videoUrl: `${server.url}video.mp4`, audioUrl: `${server.url}audio.m4a` };
}
