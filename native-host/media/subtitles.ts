/**
 * Subtitles from yt-dlp's info dict (`subtitles`, and `automatic_captions` marked auto): the list the popup offers, and the
 * tracks one download embeds, each read by the same ffmpeg run from its URL. Pure.
 */
import { NexError } from '../../shared/errors.js';
import { HttpUrl, type SubtitleTrack } from '../../shared/protocol/index.js';
import type { InfoDict } from './ytdlp-info.js';

/** Formats ffmpeg demuxes itself, best first (YouTube also offers json3/srv*, which it cannot read). */
const READABLE: Record<string, 'webvtt' | 'srt' | 'ass'> = { vtt: 'webvtt', srt: 'srt', ass: 'ass', ssa: 'ass' };
/** More than this in one file is abuse or a mistake (YouTube's auto-translations alone are 150+). */
export const MAX_SUBTITLE_TRACKS = 20;

export interface SubtitleSource {
  lang: string;
  name: string | null;
  auto: boolean;
  url: string;
  /** ffmpeg demuxer to force, so an HTML error page is not guessed into something. */
  format: 'webvtt' | 'srt' | 'ass';
  headers: Record<string, string> | null;
}

interface Entry {
  url?: unknown;
  ext?: unknown;
  name?: unknown;
  http_headers?: unknown;
}

/** A language key yt-dlp would use ('en', 'en-US', 'pt-BR', 'zh-Hans'); 'live_chat' and junk are not subtitles. */
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function tracks(map: unknown, auto: boolean): Map<string, SubtitleSource | null> {
  const out = new Map<string, SubtitleSource | null>();
  if (!map || typeof map !== 'object') return out;
  for (const [lang, list] of Object.entries(map as Record<string, unknown>)) {
    if (!LANG.test(lang) || !Array.isArray(list)) continue;
    const entries = list.filter((e): e is Entry => !!e && typeof e === 'object');
    const name = entries.map((e) => e.name).find((n): n is string => typeof n === 'string' && n.length > 0) ?? null;
    let best: SubtitleSource | null = null;
    for (const ext of Object.keys(READABLE)) {
      const e = entries.find((x) => x.ext === ext && typeof x.url === 'string' && HttpUrl.safeParse(x.url).success);
      if (!e) continue;
      const h = e.http_headers && typeof e.http_headers === 'object' ? (e.http_headers as Record<string, string>) : null;
      best = { lang, name: name?.slice(0, 100) ?? null, auto, url: e.url as string, format: READABLE[ext]!, headers: h };
      break;
    }
    out.set(lang, best);
  }
  return out;
}

function all(info: InfoDict): Map<string, SubtitleSource | null> {
  const manual = tracks(info.subtitles, false);
  for (const [lang, t] of tracks(info.automatic_captions, true)) if (!manual.get(lang)) manual.set(lang, t ?? manual.get(lang) ?? null);
  return manual;
}

/** What the probe reports: every language with a track ffmpeg can read; people's own subtitles before automatic ones. */
export function listSubtitles(info: InfoDict): SubtitleTrack[] {
  const out: SubtitleTrack[] = [];
  for (const t of all(info).values()) if (t) out.push({ lang: t.lang, name: t.name ?? t.lang, auto: t.auto });
  return out.sort((a, b) => Number(a.auto) - Number(b.auto) || a.lang.localeCompare(b.lang));
}

/**
 * The tracks to embed for `wanted` ('all': every non-automatic track). A language the source lacks is an input error
 * naming what it has, so nothing is downloaded half-right.
 */
export function chooseSubtitles(info: InfoDict, wanted: string[] | 'all' | undefined): SubtitleSource[] {
  if (!wanted || (Array.isArray(wanted) && !wanted.length)) return [];
  const avail = all(info);
  if (wanted === 'all') return [...avail.values()].filter((t): t is SubtitleSource => !!t && !t.auto).slice(0, MAX_SUBTITLE_TRACKS);
  const picked: SubtitleSource[] = [];
  const missing: string[] = [];
  for (const lang of [...new Set(wanted)].slice(0, MAX_SUBTITLE_TRACKS)) {
    const t = avail.get(lang) ?? [...avail.values()].find((x) => x && x.lang.toLowerCase() === lang.toLowerCase());
    if (t) picked.push(t);
    else missing.push(lang);
  }
  if (missing.length) {
    const has = listSubtitles(info).map((t) => t.lang + (t.auto ? ' (auto)' : ''));
    throw new NexError('input.invalid', `No subtitles in ${missing.join(', ')} here; this source has ${has.length ? has.join(', ') : 'none'}.`, { missing, available: has });
  }
  return picked;
}

/** ISO 639-1 -> 639-2/T for the MP4 language tag (the mov muxer takes three letters only; two come out as 'und'). */
const ISO3: Record<string, string> = {
  ar: 'ara', bg: 'bul', bn: 'ben', ca: 'cat', cs: 'ces', da: 'dan', de: 'deu', el: 'ell', en: 'eng', es: 'spa', et: 'est', fa: 'fas', fi: 'fin', fr: 'fra',
  he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', id: 'ind', it: 'ita', ja: 'jpn', ko: 'kor', lt: 'lit', lv: 'lav', ms: 'msa', nb: 'nob', nl: 'nld', no: 'nor',
  pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sk: 'slk', sl: 'slv', sr: 'srp', sv: 'swe', ta: 'tam', th: 'tha', tr: 'tur', uk: 'ukr', ur: 'urd', vi: 'vie', zh: 'zho',
};

export function iso639_2(lang: string): string {
  const base = lang.split('-')[0]!.toLowerCase();
  return base.length === 3 ? base : ISO3[base] ?? 'und';
}
