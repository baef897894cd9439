/** Which subtitles and chapters one download embeds, and how ffmpeg gets them (URL inputs; FFMETADATA on a pipe fd). */
import { cleanChapters, ffmetadata } from './chapters.js';
import { extrasFor, type FfmpegExtras } from './ffmpeg-extras.js';
import { chooseSubtitles } from './subtitles.js';
import type { DownloadSpec, LogFn } from './types.js';
import type { InfoDict } from './ytdlp-info.js';

export interface ExtrasPlan {
  extras: FfmpegExtras;
  textFeeds: Array<{ fd: number; text: string }>;
  /** Chapters written (they take room in the MP4 index). */
  chapters: number;
}

/**
 * @param nextFd the first ffmpeg fd not taken by yt-dlp feeders.
 * Throws input.invalid (before any file exists) when asked for a subtitle language the source lacks.
 */
export function planExtras(info: InfoDict, spec: Pick<DownloadSpec, 'subs'>, muxer: string, nextFd: number, durationSec: number | null, log?: LogFn): ExtrasPlan {
  const can = extrasFor(muxer);
  const subtitles = chooseSubtitles(info, spec.subs);
  if (subtitles.length && !can.subtitles) log?.({ source: 'host', level: 'warn', text: `Subtitles are embedded in video (MP4) files only; this ${muxer} file gets none.` });
  const chapters = can.chapters ? cleanChapters(info.chapters, durationSec) : [];
  const extras: FfmpegExtras = can.subtitles && subtitles.length ? { subtitles } : {};
  const textFeeds: ExtrasPlan['textFeeds'] = [];
  if (chapters.length) {
    extras.chaptersFd = nextFd;
    textFeeds.push({ fd: nextFd, text: ffmetadata(chapters) });
  }
  return { extras, textFeeds, chapters: chapters.length };
}

/** ffmpeg could not open a subtitle URL (404, HTML, ...; its error names the input): drop that track and say so. */
export function dropFailedSubtitle(plan: ExtrasPlan, stderrTail: string, log?: LogFn): boolean {
  const subs = plan.extras.subtitles ?? [];
  const bad = subs.find((s) => stderrTail.includes(s.url));
  if (!bad) return false;
  plan.extras.subtitles = subs.filter((s) => s !== bad);
  log?.({ source: 'host', level: 'warn', text: `Subtitles "${bad.lang}" could not be read (${bad.url}); writing the file without them.` });
  return true;
}

/** What each demuxer's file starts with (after an optional BOM); anything else (an HTML login page, JSON) is not subtitles. */
const SIGNATURE: Record<string, RegExp> = { webvtt: /^WEBVTT/, srt: /^\s*\d+\s*\r?\n\s*\d\d:\d\d/, ass: /^\s*\[Script Info\]/i };

/**
 * Reads the first KiB of each subtitle URL (ffmpeg's webvtt demuxer would take an HTML page as one garbage cue) and drops
 * the ones that fail or are not subtitles, with a warning. ffmpeg still reads the tracks it embeds itself.
 */
export async function checkSubtitles(plan: ExtrasPlan, signal?: AbortSignal, log?: LogFn): Promise<void> {
  const subs = plan.extras.subtitles ?? [];
  if (!subs.length) return;
  const ok = await Promise.all(
    subs.map(async (s) => {
      const timeout = AbortSignal.timeout(15_000);
      try {
        const res = await fetch(s.url, { headers: { ...(s.headers ?? {}), Range: 'bytes=0-1023' }, redirect: 'follow', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
        const head = (await res.text()).slice(0, 1024).replace(/^\uFEFF/, '');
        if (res.ok && SIGNATURE[s.format]?.test(head)) return true;
        log?.({ source: 'host', level: 'warn', text: `Subtitles "${s.lang}" are not ${s.format} (HTTP ${res.status}, ${s.url}); writing the file without them.` });
      } catch (e) {
        if (signal?.aborted) throw e;
        log?.({ source: 'host', level: 'warn', text: `Subtitles "${s.lang}" could not be read (${s.url}: ${(e as Error).message}); writing the file without them.` });
      }
      return false;
    }),
  );
  plan.extras.subtitles = subs.filter((_, i) => ok[i]);
}
