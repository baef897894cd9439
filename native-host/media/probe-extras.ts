/** The probe's subtitles, chapters and live status, from yt-dlp's info dict. Pure. */
import { NexError } from '../../shared/errors.js';
import { LiveStatus, type ProbeResult } from '../../shared/protocol/index.js';
import { cleanChapters } from './chapters.js';
import { listSubtitles } from './subtitles.js';
import type { InfoDict } from './ytdlp-info.js';

/** yt-dlp's live_status, or is_live alone (older extractors set only that). */
export function liveStatus(info: InfoDict): LiveStatus | undefined {
  const s = LiveStatus.safeParse(info.live_status);
  if (s.success) return s.data;
  return info.is_live ? 'is_live' : undefined;
}

export function mediaExtras(info: InfoDict): Pick<ProbeResult, 'subtitles' | 'chapters' | 'live'> {
  const live = liveStatus(info);
  return {
    subtitles: listSubtitles(info),
    chapters: cleanChapters(info.chapters, info.duration && info.duration > 0 ? info.duration : null),
    ...(live ? { live } : {}),
  };
}

/** A live stream would never finish and an upcoming one has nothing yet: refuse both clearly instead of hanging. */
export function assertDownloadable(result: Pick<ProbeResult, 'live' | 'url'>): void {
  if (result.live === 'is_live') throw new NexError('media.live', 'This is a live stream: it has no end to download to. Record it from now instead (`--live` on the command line).', { url: result.url });
  if (result.live === 'is_upcoming') throw new NexError('media.not_started', 'This live stream or premiere has not started yet.', { url: result.url });
}

/**
 * What "record from now" can do with this probe: 'record' a live stream ffmpeg reads itself (HLS, plain HTTP),
 * 'download' a source that is not live (nothing to record: it has an end); otherwise a clear refusal.
 * @param readable whether ffmpeg reads every chosen format directly (sources.ts readsDirectly); asked only for a live source
 */
export function recordPlan(result: Pick<ProbeResult, 'live' | 'url'>, readable: () => boolean): 'record' | 'download' {
  if (result.live === 'is_upcoming') throw new NexError('media.not_started', 'This live stream or premiere has not started yet: there is nothing to record.', { url: result.url });
  if (result.live !== 'is_live') return 'download';
  if (!readable()) throw new NexError('media.live_unrecordable', 'This live stream is not sent as HLS or a plain HTTP stream, so it cannot be recorded.', { url: result.url });
  return 'record';
}
