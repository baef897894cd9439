/**
 * The contract between the media pipeline (probe, download) and its callers (job manager, CLI, bench).
 * Implementations live beside this file; callers import only from './index.js'.
 */
import type { PresetId, ProbeResult, Progress, SubtitleChoice, TrackTags } from '../../shared/protocol/index.js';
import type { Cookie } from './cookies.js';
import type { JsRuntime } from './js-runtime.js';

/** Resolved paths of the external tools, and what the installed yt-dlp supports. */
export interface Tools {
  ytdlp: string;
  ffmpeg: string;
  ffprobe: string;
  /** yt-dlp accepts `--js-runtimes` (2025.11.12+). */
  ytdlpSupportsJsRuntimes: boolean;
  /** The runtime passed as `--js-runtimes NAME:PATH` (only when supported and one this yt-dlp accepts was found). */
  jsRuntime?: JsRuntime | null;
  ytdlpVersion: string | null;
  ffmpegVersion: string | null;
}

/** Where log lines from a job go; defined by the log layer (the logger must not import media). */
export type { LogFn } from '../log/types.js';
import type { LogFn } from '../log/types.js';

export interface ProbeOptions {
  signal?: AbortSignal;
  log?: LogFn;
  /** Skip the short-lived probe cache. */
  noCache?: boolean;
  /** yt-dlp -J time limit; default LIMITS.probeMs. */
  timeoutMs?: number;
  /** The job's private cookies.txt for yt-dlp (cookies.ts); such a probe is never cached. */
  cookiesFile?: string;
}

/** A probe with what the pipeline needs beyond the picker's model (format URLs, headers). */
export interface ProbeDetail {
  result: ProbeResult;
  /** yt-dlp's raw -J info dict, kept so a download after a cached probe does not re-run yt-dlp. */
  info: Record<string, unknown>;
  probedAt: number;
}

export interface DownloadSpec {
  url: string;
  preset: PresetId;
  outDir: string;
  /** Page title fallback; the probe's title wins when present. */
  title?: string;
  /** Official tags (e.g. from the resolver) override the source's own. */
  tags?: TrackTags;
  /** Seconds without progress before the download fails as media.stalled; default 30 (config stallTimeoutSec). */
  stallSec?: number;
  /** Subtitle languages to embed (video presets), or 'all'. */
  subs?: SubtitleChoice;
  /** This job's cookies for the site (held in memory; never logged). */
  cookies?: Cookie[];
  /** The file name without extension ("01 - Title"), sanitised like a title; default the title. */
  fileStem?: string;
  /** Lyrics to embed (LRC text when synced), found by the caller (services/lyrics). */
  lyrics?: string;
  /** Record a live stream from now (record.ts) until `hooks.stop`, the stream's end or a stall; a non-live source downloads as usual. */
  live?: boolean;
  /** With `live`: stop after this many seconds of media, finished and kept (CLI `--duration`). */
  maxSec?: number;
}

export interface DownloadHooks {
  signal?: AbortSignal;
  log?: LogFn;
  onProgress?: (p: Progress) => void;
  /** Called once the title (and so the final file name) is known. */
  onTitle?: (title: string) => void;
  /** The job's private cookies.txt, for yt-dlp feeders. */
  cookiesFile?: string;
  /** A live recording's Stop: finish the file and keep it (abort via `signal` keeps nothing). */
  stop?: AbortSignal;
}

export interface DownloadResult {
  path: string;
  bytes: number;
}
