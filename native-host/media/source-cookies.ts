/**
 * Gives each network input the job's cookies for its own host as ffmpeg `-cookies` (scoped, like yt-dlp's FFmpegFD),
 * and drops a `Cookie` header yt-dlp 2023 put into `http_headers` (newer yt-dlp moved it to a per-format `cookies`
 * field; both come from the same jar we hold, so the jar is the one source). Pure.
 */
import { cookieFitsHost, ffmpegCookies, type Cookie } from './cookies.js';
import type { StreamSource } from './ffmpeg-args.js';
import type { SourcePlan } from './sources.js';

function scoped(src: StreamSource | undefined, jar: Cookie[]): StreamSource | undefined {
  if (!src || src.url.startsWith('pipe:')) return src;
  const headers = src.headers ? Object.fromEntries(Object.entries(src.headers).filter(([k]) => k.toLowerCase() !== 'cookie')) : src.headers;
  const u = new URL(src.url);
  const mine = jar.filter((c) => cookieFitsHost(c.domain, u.hostname));
  return { ...src, headers, ...(mine.length ? { cookies: ffmpegCookies(mine, !u.port) } : {}) };
}

export function withCookies(plan: SourcePlan, jar: Cookie[] | undefined): SourcePlan {
  if (!jar?.length) return plan;
  const out: SourcePlan = { feeders: plan.feeders };
  const video = scoped(plan.video, jar);
  const audio = plan.audio && plan.audio === plan.video ? video : scoped(plan.audio, jar);
  if (video) out.video = video;
  if (audio) out.audio = audio;
  return out;
}
