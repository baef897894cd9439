/** Where ffmpeg gets each chosen format: the URL yt-dlp resolved (read directly), or a yt-dlp process piping it. Pure. */
import { HttpUrl } from '../../shared/protocol/index.js';
import { codecFamily } from './codecs.js';
import type { StreamSource } from './ffmpeg-args.js';
import type { Selection } from './presets.js';
import type { RawFormat } from './ytdlp-info.js';

/** yt-dlp protocols ffmpeg reads itself (plain files with Range, HLS); DASH segments, ISM, RTMP etc. go through yt-dlp. */
export const FFMPEG_READS = new Set(['http', 'https', 'm3u8', 'm3u8_native']);

export interface Feeder {
  /** ffmpeg's file descriptor for it: input `pipe:<fd>`. */
  fd: number;
  formatId: string;
}

export interface SourcePlan {
  video?: StreamSource;
  audio?: StreamSource;
  feeders: Feeder[];
}

export function readsDirectly(f: RawFormat): boolean {
  return FFMPEG_READS.has(f.protocol ?? 'http') && HttpUrl.safeParse(f.url).success;
}

export function planSources(sel: Selection): SourcePlan {
  const feeders: Feeder[] = [];
  const made = new Map<RawFormat, string>();
  const source = (f: RawFormat, codec: string | null): StreamSource => {
    let url = made.get(f);
    if (!url) {
      if (readsDirectly(f)) url = f.url ?? '';
      else {
        const fd = 3 + feeders.length;
        feeders.push({ fd, formatId: f.format_id });
        url = `pipe:${fd}`;
      }
      made.set(f, url);
    }
    return { url, headers: url.startsWith('pipe:') ? null : f.http_headers ?? null, codec };
  };
  const plan: SourcePlan = { feeders };
  if (sel.video) plan.video = source(sel.video, codecFamily(sel.video.vcodec));
  if (sel.audio) plan.audio = source(sel.audio, codecFamily(sel.audio.acodec));
  return plan;
}
