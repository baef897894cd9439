/** The probe's subtitles, chapters and live status, from yt-dlp's info dict. Pure. */
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
