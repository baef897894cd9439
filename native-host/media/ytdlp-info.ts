/**
 * The parts of yt-dlp's `-J` info dict we rely on, validated at the process boundary.
 * Lenient by design: extractors omit or null almost every field, and unknown keys pass through.
 */
import { z } from 'zod';

const num = z.number().finite().nullish().catch(null);
const str = z.string().nullish().catch(null);

export const RawFormat = z
  .object({
    format_id: z.coerce.string(),
    url: str,
    manifest_url: str,
    protocol: str,
    ext: str,
    vcodec: str,
    acodec: str,
    width: num,
    height: num,
    fps: num,
    /** Audio sample rate, Hz. */
    asr: num,
    tbr: num,
    abr: num,
    vbr: num,
    filesize: num,
    filesize_approx: num,
    http_headers: z.record(z.string()).nullish().catch(null),
    has_drm: z.unknown().optional(),
  })
  .passthrough();
export type RawFormat = z.infer<typeof RawFormat>;

const Thumbnail = z.object({ url: z.string(), preference: num, width: num, height: num }).passthrough();

export const InfoDict = z
  .object({
    _type: str,
    id: z.coerce.string().nullish().catch(null),
    title: str,
    track: str,
    artist: str,
    creator: str,
    uploader: str,
    album: str,
    album_artist: str,
    track_number: num,
    release_date: str,
    release_year: num,
    upload_date: str,
    duration: num,
    thumbnail: str,
    thumbnails: z.array(z.unknown()).nullish().catch(null),
    extractor: str,
    extractor_key: str,
    webpage_url: str,
    url: str,
    format_id: z.coerce.string().nullish().catch(null),
    protocol: str,
    ext: str,
    vcodec: str,
    acodec: str,
    http_headers: z.record(z.string()).nullish().catch(null),
    formats: z.array(z.unknown()).nullish().catch(null),
    entries: z.array(z.unknown()).nullish().catch(null),
    /** lang -> [{ext, url, name?}] (checked entry by entry in subtitles.ts). */
    subtitles: z.record(z.unknown()).nullish().catch(null),
    automatic_captions: z.record(z.unknown()).nullish().catch(null),
    chapters: z.array(z.unknown()).nullish().catch(null),
    is_live: z.boolean().nullish().catch(null),
    live_status: str,
  })
  .passthrough();
export type InfoDict = z.infer<typeof InfoDict>;

/** Valid formats of an info dict; a single-format result (no `formats`) is its own format. */
export function rawFormats(info: InfoDict): RawFormat[] {
  const list = info.formats ?? (info.url ? [{ ...info, format_id: info.format_id ?? '0' }] : []);
  const out: RawFormat[] = [];
  for (const f of list) {
    const r = RawFormat.safeParse(f);
    // Storyboards (mhtml images) have neither stream: not media.
    if (r.success && r.data.url && !r.data.has_drm && !(r.data.vcodec === 'none' && r.data.acodec === 'none')) out.push({ ...r.data, http_headers: r.data.http_headers ?? info.http_headers ?? null });
  }
  return out;
}

/** Best thumbnail URL: the `thumbnail` field, else the most preferred of `thumbnails`. */
export function thumbnailUrl(info: InfoDict): string | null {
  if (info.thumbnail) return info.thumbnail;
  const thumbs = (info.thumbnails ?? []).flatMap((t) => {
    const r = Thumbnail.safeParse(t);
    return r.success ? [r.data] : [];
  });
  thumbs.sort((a, b) => (a.preference ?? 0) - (b.preference ?? 0));
  return thumbs.at(-1)?.url ?? null;
}

/** Parses `-J` output; a playlist result (several videos on one page) yields its first entry. */
export function parseInfoJson(stdout: string): InfoDict {
  const info = InfoDict.parse(JSON.parse(stdout));
  if (info._type === 'playlist' && info.entries?.length) {
    const first = InfoDict.parse(info.entries[0]);
    return { ...first, title: first.title ?? info.title, thumbnail: first.thumbnail ?? info.thumbnail };
  }
  return info;
}

/** yt-dlp says 'none' for an absent stream; null means it does not know. */
export function hasVideo(f: Pick<RawFormat, 'vcodec'>): boolean | null {
  if (f.vcodec === 'none') return false;
  return f.vcodec ? true : null;
}

export function hasAudio(f: Pick<RawFormat, 'acodec'>): boolean | null {
  if (f.acodec === 'none') return false;
  return f.acodec ? true : null;
}
