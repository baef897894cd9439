/**
 * Fills in what yt-dlp does not know for direct links (the generic extractor reports no codecs, size or duration)
 * by asking ffprobe about the stream itself: a few Range requests, not a download.
 */
import { execa } from 'execa';
import { z } from 'zod';
import { HttpUrl } from '../../shared/protocol/index.js';
import { NET_PROTOCOLS, headerBlock } from './ffmpeg-args.js';
import { dashDuration } from './manifest-duration.js';
import { FFMPEG_READS } from './sources.js';
import { adopt } from './supervise.js';
import type { LogFn, Tools } from './types.js';
import { hasAudio, hasVideo, type InfoDict, type RawFormat } from './ytdlp-info.js';
import { LIMITS } from '../limits.js';

const FfprobeOut = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        avg_frame_rate: z.string().optional(),
        disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
      }),
    )
    .default([]),
  format: z.object({ duration: z.coerce.number().optional(), size: z.coerce.number().optional(), bit_rate: z.coerce.number().optional() }).partial().default({}),
});

function fps(rate: string | undefined): number | null {
  const [n, d] = (rate ?? '').split('/').map(Number);
  return n && d ? Math.round((n / d) * 100) / 100 : null;
}

async function ffprobeFormat(f: RawFormat, tools: Tools, signal?: AbortSignal): Promise<{ patch: Partial<RawFormat>; duration: number | null } | null> {
  const headers = f.http_headers && Object.keys(f.http_headers).length ? ['-headers', headerBlock(f.http_headers)] : [];
  const args = ['-v', 'error', '-protocol_whitelist', NET_PROTOCOLS, '-rw_timeout', String(LIMITS.ffprobeReadTimeoutMs * 1000), ...headers];
  args.push('-show_entries', 'format=duration:stream=codec_type,codec_name,width,height,avg_frame_rate:stream_disposition=attached_pic', '-of', 'json', '-i', f.url ?? '');
  // Counted with the host's other helpers: a probe flood's ffprobes are under the same cap.
  const r = await adopt(() => execa(tools.ffprobe, args, { reject: false, timeout: LIMITS.ffprobeMs, cancelSignal: signal, stdin: 'ignore' }));
  if (r.exitCode !== 0) return null;
  const out = FfprobeOut.safeParse(JSON.parse(r.stdout || '{}'));
  if (!out.success) return null;
  const v = out.data.streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const a = out.data.streams.find((s) => s.codec_type === 'audio');
  const patch: Partial<RawFormat> = { vcodec: v?.codec_name ?? 'none', acodec: a?.codec_name ?? 'none' };
  if (v?.width) patch.width = v.width;
  if (v?.height) patch.height = v.height;
  const rate = fps(v?.avg_frame_rate);
  if (rate && !f.fps) patch.fps = rate;
  const { size, bit_rate: bitRate } = out.data.format;
  // For HLS the "size" is the playlist's; only a plain file's size means anything.
  if (size && !f.filesize && f.protocol?.startsWith('http')) patch.filesize_approx = size;
  if (bitRate && !f.tbr) patch.tbr = Math.round(bitRate / 100) / 10;
  return { patch, duration: out.data.format.duration && out.data.format.duration > 0 ? out.data.format.duration : null };
}

/**
 * Probes up to `max` of the best formats whose codecs are unknown (and one format when the duration is), in parallel.
 * Failures are logged and ignored: the download path copes with unknowns.
 */
/** DASH/HLS formats list their fragments with durations: their sum is the duration, no request needed. */
export function durationFromFragments(formats: RawFormat[]): number | null {
  for (const f of formats) {
    const frags = Array.isArray(f.fragments) ? (f.fragments as Array<{ duration?: unknown }>) : [];
    const total = frags.reduce((a, fr) => a + (typeof fr.duration === 'number' ? fr.duration : 0), 0);
    if (total > 0) return Math.round(total * 1000) / 1000;
  }
  return null;
}

export async function enrichInfo(info: InfoDict, formats: RawFormat[], tools: Tools, opts: { signal?: AbortSignal; log?: LogFn; max?: number } = {}): Promise<{ info: InfoDict; formats: RawFormat[] }> {
  info = info.duration == null ? { ...info, duration: durationFromFragments(formats) } : info;
  // A DASH manifest states its duration: one small GET, alongside any codec probes below.
  const fromManifest = info.duration == null ? dashDuration(formats, opts.signal) : Promise.resolve(null);
  const readable = (f: RawFormat) => FFMPEG_READS.has(f.protocol ?? '') && HttpUrl.safeParse(f.url).success;
  const unknown = formats.filter((f) => readable(f) && hasVideo(f) === null && hasAudio(f) === null).slice(-(opts.max ?? 3));
  if (!unknown.length && info.duration == null) {
    const d = await fromManifest;
    if (d != null) return { info: { ...info, duration: d }, formats };
    const last = formats.filter(readable).at(-1);
    if (last) unknown.push(last);
  }
  if (!unknown.length) return { info, formats };
  const results = await Promise.all(unknown.map((f) => ffprobeFormat(f, tools, opts.signal).catch(() => null)));
  let duration = info.duration ?? (await fromManifest);
  const patched = new Map<RawFormat, Partial<RawFormat>>();
  unknown.forEach((f, i) => {
    const r = results[i];
    if (!r) return void opts.log?.({ source: 'ffmpeg', level: 'debug', text: `ffprobe could not read format ${f.format_id}` });
    if (hasVideo(f) === null && hasAudio(f) === null) patched.set(f, r.patch);
    duration ??= r.duration;
  });
  const next = formats.map((f) => ({ ...f, ...patched.get(f) }));
  return { info: { ...info, duration, formats: next }, formats: next };
}
