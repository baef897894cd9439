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
  trackTotal?: number;
  disc?: number;
  discTotal?: number;
  genre?: string;
  compilation?: boolean;
  /** LRC text when synced lyrics were found, else plain text. */
  lyrics?: string;
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
    ...albumTags(tags),
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
    ['track', trackValue(t, muxer)],
  ];
  if (muxer === 'mp3') pairs.push(['TSRC', t.isrc]);
  else if (muxer === 'flac' || muxer === 'opus' || muxer === 'ogg') pairs.push(['ISRC', t.isrc]);
  pairs.push(...albumPairs(t, muxer));
  return pairs.flatMap(([k, v]) => (v === undefined ? [] : ['-metadata', `${k}=${k === LYRICS_KEY[muxer] ? cleanLyrics(String(v)) : clean(String(v))}`]));
}

/** The album fields of the official tags (absent ones stay absent). */
function albumTags(tags: TrackTags | undefined): Partial<TagValues> {
  if (!tags) return {};
  const { trackTotal, disc, discTotal, genre, compilation } = tags;
  return { trackTotal, disc, discTotal, genre, compilation };
}

const VORBIS = new Set(['flac', 'opus', 'ogg']);
/** Where each muxer keeps lyrics: ©lyr through ffmpeg's "lyrics" key in MP4, a LYRICS comment in Vorbis. ID3 USLT is written after ffmpeg (id3-frames.ts): ffmpeg 5.1 writes "lyrics" as TXXX. */
const LYRICS_KEY: Record<string, string> = { mp4: 'lyrics', ipod: 'lyrics', flac: 'LYRICS', opus: 'LYRICS', ogg: 'LYRICS' };

/** ID3 TRCK and MP4 trkn take "n/N"; Vorbis comments keep the total in TRACKTOTAL. */
function trackValue(t: TagValues, muxer: string): string | number | undefined {
  if (t.track === undefined) return undefined;
  return t.trackTotal && !VORBIS.has(muxer) ? `${t.track}/${t.trackTotal}` : t.track;
}

/** Disc n/N (ID3 TPOS, MP4 disk; DISCNUMBER/DISCTOTAL), genre (TCON, ©gen, GENRE), compilation (TCMP, cpil, COMPILATION), lyrics. */
function albumPairs(t: TagValues, muxer: string): Array<[string, string | number | undefined]> {
  const vorbis = VORBIS.has(muxer);
  const disc = t.disc === undefined ? undefined : t.discTotal && !vorbis ? `${t.disc}/${t.discTotal}` : t.disc;
  const pairs: Array<[string, string | number | undefined]> = [['disc', disc], ['genre', t.genre]];
  if (vorbis) pairs.push(['TRACKTOTAL', t.track !== undefined ? t.trackTotal : undefined], ['DISCTOTAL', t.disc !== undefined ? t.discTotal : undefined]);
  // MP3's TCMP, like its USLT, is added after ffmpeg (id3-frames.ts): ffmpeg 5.1 would write TXXX.
  if (t.compilation !== undefined && muxer !== 'mp3') pairs.push([vorbis ? 'COMPILATION' : 'compilation', t.compilation ? 1 : 0]);
  const lyricsKey = LYRICS_KEY[muxer];
  if (lyricsKey && t.lyrics) pairs.push([lyricsKey, t.lyrics]);
  return pairs;
}

/** Lyrics keep their line breaks; other control characters go. */
const cleanLyrics = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\0-\x09\x0b-\x1f\x7f]+/g, ' ').trim();
