/**
 * The extra inputs of one ffmpeg run besides picture and sound: subtitle URLs (embedded as mov_text in MP4) and a chapter
 * list read as FFMETADATA from a pipe fd. Pure; buildFfmpegArgs splices the result in.
 */
import { iso639_2, type SubtitleSource } from './subtitles.js';

/** How buildFfmpegArgs opens a network input (`... -i URL`), so subtitles get the same protocol guard and timeouts. */
export type NetInput = (src: { url: string; headers?: Record<string, string> | null }) => string[];

export interface FfmpegExtras {
  subtitles?: SubtitleSource[];
  /** ffmpeg fd the chapters' FFMETADATA text is written to (`pipe:N`), when there are chapters. */
  chaptersFd?: number;
}

export interface ExtrasArgs {
  inputs: string[];
  maps: string[];
  codecs: string[];
  /** Replaces the plain `-map_metadata -1 -map_chapters -1`: chapter titles need chapter metadata kept. */
  metadata: string[];
}

/** Muxers that hold text subtitles (mov_text) and chapters; audio-only muxers other than M4A get neither. */
export function extrasFor(muxer: string): { subtitles: boolean; chapters: boolean } {
  return { subtitles: muxer === 'mp4', chapters: muxer === 'mp4' || muxer === 'ipod' };
}

/** @param firstIndex ffmpeg input index of the first extra input (after picture, sound and cover). */
export function extrasArgs(x: FfmpegExtras | undefined, firstIndex: number, muxer: string, netInput: NetInput): ExtrasArgs {
  const can = extrasFor(muxer);
  const inputs: string[] = [];
  const maps: string[] = [];
  const codecs: string[] = [];
  let index = firstIndex;
  const subs = can.subtitles ? (x?.subtitles ?? []) : [];
  subs.forEach((s, i) => {
    const open = netInput({ url: s.url, headers: s.headers });
    // Forced demuxer: an HTML error page then fails to open instead of being guessed into something.
    open.splice(open.length - 2, 0, '-f', s.format);
    inputs.push(...open);
    maps.push('-map', `${index++}:s:0`);
    codecs.push(`-metadata:s:s:${i}`, `language=${iso639_2(s.lang)}`, `-metadata:s:s:${i}`, `title=${s.name ?? s.lang}${s.auto ? ' (auto)' : ''}`);
  });
  if (subs.length) codecs.push('-c:s', 'mov_text');
  const metadata = ['-map_metadata', '-1', '-map_chapters', '-1'];
  if (can.chapters && x?.chaptersFd !== undefined) {
    inputs.push('-protocol_whitelist', 'pipe', '-f', 'ffmetadata', '-i', `pipe:${x.chaptersFd}`);
    metadata.splice(0, metadata.length, '-map_metadata:g', '-1', '-map_metadata:s', '-1', '-map_chapters', String(index++));
  }
  return { inputs, maps, codecs, metadata };
}
