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
  if (result.live === 'is_live') throw new NexError('media.live', 'This is a live stream: it has no end to download to.', { url: result.url });
  if (result.live === 'is_upcoming') throw new NexError('media.not_started', 'This live stream or premiere has not started yet.', { url: result.url });
}
