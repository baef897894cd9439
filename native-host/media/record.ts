/**
 * "Record from now": a live stream (HLS, or a plain HTTP stream) read by one ffmpeg run straight into the job's
 * `.part` until Stop (SIGINT: ffmpeg writes the trailer and the faststart pass), the stream's own end
 * (#EXT-X-ENDLIST: ffmpeg ends by itself), a stall (the watchdog finishes it like Stop: what arrived is kept)
 * or Cancel (nothing kept).
 * The same `.part` -> rename scheme as downloads; a plain MP4 with faststart, so phones play it at once.
 * Fragmented MP4 would survive a hard kill, but a killed host's `.part` is swept anyway, so it would buy nothing.
 */
import { mkdir, stat } from 'node:fs/promises';
import { NexError } from '../../shared/errors.js';
import { presetSpec } from '../../shared/presets.js';
import { buildFfmpegArgs } from './ffmpeg-args.js';
import { runFfmpeg } from './ffmpeg-run.js';
import { uniquePath } from './filename.js';
import { DEFAULT_STALL_SEC } from './net-input-args.js';
import { fsError } from './output-error.js';
import { commitPart, removePart } from './part-files.js';
import { chooseFormats } from './presets.js';
import { cancelled } from './probe.js';
import { recordPlan } from './probe-extras.js';
import { planSources, readsDirectly } from './sources.js';
import { withCookies } from './source-cookies.js';
import { gatherTags } from './tags.js';
import type { DownloadHooks, DownloadResult, DownloadSpec, ProbeDetail, Tools } from './types.js';
import { outputDuration } from './verify-output.js';
import { InfoDict, rawFormats, type RawFormat } from './ytdlp-info.js';

/**
 * ffmpeg's HLS demuxer starts 3 segments behind the live edge (`live_start_index` -3); -1 starts at the newest
 * segment, so the file begins "now" and its length matches the time recorded. Only HLS inputs know the options.
 * A playlist that stops growing is polled forever by default (`max_reload` 1000), and a stuck read can only be
 * interrupted by a second SIGINT, which also aborts the trailer: so the demuxer itself must call the stream over,
 * after `maxReload` unchanged reloads, and ffmpeg then finishes the file as at a normal end. Pure.
 */
export function liveInputArgs(args: string[], hlsUrls: ReadonlySet<string>, maxReload = LIVE_MAX_RELOAD_FLOOR): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === '-i' && hlsUrls.has(args[i + 1] ?? '')) out.push('-live_start_index', '-1', '-max_reload', String(maxReload));
    out.push(a);
  });
  return out;
}

/** Fewer unchanged reloads than this would end a recording on an encoder's brief hiccup. */
const LIVE_MAX_RELOAD_FLOOR = 2;
/** Seconds one unchanged reload costs ffmpeg 5.1 on a 1 s target duration (measured: 2.55 s each, ~1 s base). */
const RELOAD_SEC_PER_TARGET_SEC = 2.5;

/** Unchanged reloads that take about the stall time on 1 s segments (longer targets take proportionally longer). Pure. */
export function liveMaxReload(stallSec: number): number {
  return Math.max(LIVE_MAX_RELOAD_FLOOR, Math.ceil(stallSec / RELOAD_SEC_PER_TARGET_SEC));
}

/** `-t SEC` as an output option (before the muxer's `-f`): ffmpeg stops at exactly that media time and finishes the file. Pure. */
export function withMaxSec(args: string[], sec: number | undefined): string[] {
  const at = args.lastIndexOf('-f');
  if (!sec || sec <= 0 || at < 0) return args;
  return [...args.slice(0, at), '-t', String(sec), ...args.slice(at)];
}

/** "Title (live 2026-12-01 21.05)": two recordings of one stream get two names that say when. Pure. */
export function recordingStem(title: string, at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${title} (live ${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}.${p(at.getMinutes())})`;
}

/** Records when the probe says live; null when the source is not live (the caller downloads it instead). */
export async function recordIfLive(spec: DownloadSpec, detail: ProbeDetail, tools: Tools, hooks: DownloadHooks): Promise<DownloadResult | null> {
  let selection: ReturnType<typeof chooseFormats> = {};
  let chosen: RawFormat[] = [];
  // Parsed only when the probe says live (a VOD goes back to the download path untouched), then reused for the tags.
  let info: InfoDict = {};
  const readable = () => {
    info = InfoDict.parse(detail.info);
    selection = chooseFormats(rawFormats(info), spec.preset);
    chosen = [selection.video, selection.audio].filter((f, i, a): f is RawFormat => !!f && a.indexOf(f) === i);
    return chosen.every(readsDirectly);
  };
  if (recordPlan(detail.result, readable) === 'download') {
    hooks.log?.({ source: 'host', level: 'info', text: 'Not a live stream: downloading it whole instead of recording.' });
    return null;
  }
  return record(spec, detail, info, tools, hooks, selection, chosen);
}

async function record(spec: DownloadSpec, detail: ProbeDetail, info: InfoDict, tools: Tools, hooks: DownloadHooks, selection: ReturnType<typeof chooseFormats>, chosen: RawFormat[]): Promise<DownloadResult> {
  const { signal, log } = hooks;
  const preset = presetSpec(spec.preset);
  const title = spec.tags?.title ?? detail.result.title;
  hooks.onTitle?.(title);
  const sources = withCookies(planSources(selection), spec.cookies);
  const tags = gatherTags({ ...info, title }, spec.tags, spec.title);
  try {
    await mkdir(spec.outDir, { recursive: true });
  } catch (e) {
    throw fsError(e, spec.outDir);
  }
  if (signal?.aborted) throw cancelled();
  if (hooks.stop?.aborted) throw new NexError('job.cancelled', 'Stopped before the recording began.', { url: spec.url });
  const out = await uniquePath(spec.outDir, spec.fileStem ?? recordingStem(title, new Date()), preset.ext).catch((e: unknown) => {
    throw fsError(e, spec.outDir);
  });
  const hls = new Set(chosen.filter((f) => (f.protocol ?? '').startsWith('m3u8')).map((f) => f.url ?? ''));
  const args = withMaxSec(liveInputArgs(buildFfmpegArgs({ preset: spec.preset, ...sources, tags, output: { kind: 'file', path: out.partPath, fresh: true }, stallSec: spec.stallSec }), hls, liveMaxReload(spec.stallSec ?? DEFAULT_STALL_SEC)), spec.maxSec);
  log?.({ source: 'host', level: 'info', text: `Recording ${spec.url} from now until stopped or the stream ends.` });
  try {
    const report = await runFfmpeg(args, tools, {
      signal,
      log,
      url: spec.url,
      durationSec: null,
      onProgress: hooks.onProgress,
      audioRequired: preset.kind === 'audio',
      ...(spec.stallSec ? { stallMs: spec.stallSec * 1000 } : {}),
      ...(hooks.stop ? { stop: hooks.stop } : {}),
      keepOnStall: true,
    });
    if (report.stalledMs !== undefined) log?.({ source: 'host', level: 'warn', text: `The stream stopped sending for ${Math.round(report.stalledMs / 1000)} s: the recording so far is kept.` });
    if (signal?.aborted) throw cancelled();
    // Stopped before a single packet arrived: an empty shell is not a recording.
    const sec = await outputDuration(out.partPath, tools, signal);
    if (!sec || sec <= 0) throw new NexError('job.cancelled', 'The recording was stopped before anything arrived, so no file was kept.', { url: spec.url });
    const bytes = (await stat(out.partPath)).size;
    const path = await commitPart(out.partPath, out.finalPath);
    log?.({ source: 'host', level: 'info', text: `Saved ${path} (${sec.toFixed(1)} s recorded, ${bytes} bytes)` });
    return { path, bytes };
  } catch (e) {
    await removePart(out.partPath).catch(() => undefined);
    if (signal?.aborted) throw cancelled();
    throw fsError(e, spec.outDir);
  }
}
