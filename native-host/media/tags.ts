/** Tags to write, gathered from the resolver's official tags and the source's info dict, as ffmpeg `-metadata` args. Pure. */
import type { TrackTags } from '../../shared/protocol/index.js';
import type { InfoDict } from './ytdlp-info.js';

export interface TagValues {
  title?: string;
  artist?: string;
  album?: string;
  albumArtist?: string;
  /** YYYY-MM-DD or YYYY. */
  date?: string;
  track?: number;
  isrc?: string;
}

/** yt-dlp's YYYYMMDD -> YYYY-MM-DD. */
function isoDate(d: string | null | undefined): string | undefined {
  const m = d ? /^(\d{4})(\d{2})(\d{2})$/.exec(d) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Official tags win over the source's; the source's track/artist fields win over its page title/uploader. */
export function gatherTags(info: InfoDict | null, tags: TrackTags | undefined, fallbackTitle?: string): TagValues {
  const i = info ?? ({} as Partial<InfoDict>);
  const out: TagValues = {
    title: tags?.title ?? i.track ?? i.title ?? fallbackTitle,
    artist: tags?.artist ?? i.artist ?? i.creator ?? i.uploader ?? undefined,
    album: tags?.album ?? i.album ?? undefined,
    albumArtist: tags?.albumArtist ?? i.album_artist ?? undefined,
    date: tags?.date ?? isoDate(i.release_date) ?? (i.release_year ? String(i.release_year) : undefined) ?? isoDate(i.upload_date),
    track: tags?.track ?? (i.track_number ? Math.trunc(i.track_number) : undefined),
    isrc: tags?.isrc,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && v !== '')) as TagValues;
}

/** Control characters would end up inside ID3/Vorbis text frames verbatim. */
const clean = (s: string) => s.replace(/[\p{Cc}]+/gu, ' ').trim();

/**
 * `-metadata` pairs for a muxer. ISRC has no generic ffmpeg key: ID3 takes the TSRC frame, Vorbis comments
 * (FLAC, Opus) an ISRC field; the MP4 muxer writes only known atoms, so MP4/M4A go without it.
 */
export function metadataArgs(t: TagValues, muxer: string): string[] {
  const pairs: Array<[string, string | number | undefined]> = [
    ['title', t.title],
    ['artist', t.artist],
    ['album', t.album],
    ['album_artist', t.albumArtist],
    ['date', t.date],
    ['track', t.track],
  ];
  if (muxer === 'mp3') pairs.push(['TSRC', t.isrc]);
  else if (muxer === 'flac' || muxer === 'opus' || muxer === 'ogg') pairs.push(['ISRC', t.isrc]);
  return pairs.flatMap(([k, v]) => (v === undefined ? [] : ['-metadata', `${k}=${clean(String(v))}`]));
}
