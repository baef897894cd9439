/** yt-dlp's `chapters` -> clean chapter list -> FFMETADATA text ffmpeg reads from a pipe (no temp file). Pure. */
import type { Chapter } from '../../shared/protocol/index.js';

export const MAX_CHAPTERS = 500;

/**
 * Keeps chapters that make sense: finite times, sorted, overlaps cut back to where the next one starts, clipped to the
 * duration, titles without control characters. Absurd input yields fewer chapters, never an error.
 */
export function cleanChapters(raw: unknown, durationSec: number | null): Chapter[] {
  if (!Array.isArray(raw)) return [];
  const limit = durationSec && durationSec > 0 ? durationSec : Number.POSITIVE_INFINITY;
  const items = raw
    .flatMap((c) => {
      if (!c || typeof c !== 'object') return [];
      const { start_time: s, end_time: e, title: t } = c as Record<string, unknown>;
      if (typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s >= limit) return [];
      const end = typeof e === 'number' && Number.isFinite(e) ? Math.min(e, limit) : limit;
      const title = typeof t === 'string' ? t.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200) : '';
      return [{ startSec: s, endSec: end, title }];
    })
    .sort((a, b) => a.startSec - b.startSec);
  const out: Chapter[] = [];
  for (const [i, c] of items.entries()) {
    const next = items[i + 1]?.startSec;
    const end = Math.min(c.endSec, next ?? c.endSec);
    if (!Number.isFinite(end) || end <= c.startSec) continue;
    out.push({ startSec: c.startSec, endSec: end, title: c.title || `Chapter ${out.length + 1}` });
    if (out.length >= MAX_CHAPTERS) break;
  }
  return out;
}

/** FFMETADATA1 escapes '=', ';', '#', '\' and newlines with a backslash. */
const esc = (s: string) => s.replace(/[=;#\\\n]/g, (c) => `\\${c}`);

export function ffmetadata(chapters: Chapter[]): string {
  const lines = [';FFMETADATA1'];
  for (const c of chapters) lines.push('[CHAPTER]', 'TIMEBASE=1/1000', `START=${Math.round(c.startSec * 1000)}`, `END=${Math.round(c.endSec * 1000)}`, `title=${esc(c.title)}`);
  return `${lines.join('\n')}\n`;
}
