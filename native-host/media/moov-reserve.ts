/**
 * Room for the MP4 index (moov) at the front of a video file, so ffmpeg writes it there in place (`-moov_size`) instead
 * of appending it and then making the faststart pass, which reads and rewrites the whole file to move it forward
 * (a 250 MB remux over HTTP: 527 -> 338 ms median here; on a file larger than the page cache, a second full disk pass).
 * The file plays at once either way; the unused part of the room is a `free` box. Pure.
 *
 * The room is sized from the sample counts the probe announces. Measured on ffmpeg 5.1 remuxes (H.264 with B-frames +
 * AAC, interleaved): 14-16 bytes per sample in all (12 per video frame and 4 per AAC frame in single-track files, the
 * rest is chunk offsets from interleaving). The budget below is about 2x that: room for 64-bit offsets past 4 GB and
 * for a chunk per sample. A source that lies about its length or frame rate can still overflow it: ffmpeg
 * then fails at the trailer (`MOOV_TOO_SMALL`) and the pipeline makes the file again the usual way.
 */

import type { Selection } from './presets.js';

/** Budget per video frame: stsz 4 + ctts 8 + a chunk of its own (co64 8 + stsc 12); VFR timing (stts) comes in runs. */
const VIDEO_SAMPLE_BYTES = 32;
/** Budget per audio frame: stsz 4 + a chunk of its own (co64 8 + stsc 12). */
const AUDIO_SAMPLE_BYTES = 24;
/** Headers, sample descriptions (avcC, esds), edit lists, track boxes: a few KiB in practice. */
const FIXED_BYTES = 64 * 1024;
/** Samples announced vs written: container durations round up, an encoder adds priming frames. */
const COUNT_HEADROOM = 1.05;
/** Without a sample rate: frames per second of 96 kHz AAC, the most any audio we put in MP4 has (AC-3 and MP3 have fewer). */
const MAX_AUDIO_FRAMES_PER_SEC = 96_000 / 1024;
/** mov_text writes a sample per cue and one per gap between cues; two a second is more than real subtitles have. */
const SUBTITLE_SAMPLES_PER_SEC = 2;
/** A chapter: its text sample in the chapter track plus its `chpl` entry (title up to 255 bytes). */
const CHAPTER_BYTES = 24 + 8 + 256;

export interface MoovPlan {
  durationSec: number | null;
  /** null when the file has a video track but its frame rate is unknown. */
  video: { fps: number | null } | null;
  /** asr as yt-dlp reports it (Hz), null when unknown. */
  audio: { sampleRate: number | null } | null;
  subtitleTracks: number;
  chapters: number;
  /** UTF-8 bytes of the tag values ffmpeg writes into the moov's udta. */
  tagBytes: number;
}

const positive = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** Bytes to reserve, or null when the counts are unknown (no duration, no frame rate): then the faststart pass it is. */
export function moovReserveBytes(p: MoovPlan): number | null {
  if (!positive(p.durationSec)) return null;
  const sec = p.durationSec * COUNT_HEADROOM;
  let bytes = FIXED_BYTES + Math.max(0, p.tagBytes) + Math.max(0, p.chapters) * CHAPTER_BYTES;
  if (p.video) {
    if (!positive(p.video.fps)) return null;
    bytes += Math.ceil(sec * p.video.fps) * VIDEO_SAMPLE_BYTES;
  }
  if (p.audio) {
    const perSec = positive(p.audio.sampleRate) ? p.audio.sampleRate / 1024 : MAX_AUDIO_FRAMES_PER_SEC;
    bytes += Math.ceil(sec * perSec) * AUDIO_SAMPLE_BYTES;
  }
  bytes += Math.max(0, p.subtitleTracks) * Math.ceil(sec * SUBTITLE_SAMPLES_PER_SEC) * AUDIO_SAMPLE_BYTES;
  return Math.ceil(bytes);
}

/** The plan for one download: its chosen formats, the probe's duration, the extras and the `-metadata` arguments. */
export function moovPlanOf(sel: Selection, durationSec: number | null, extras: { subtitles: number; chapters: number }, metadataArgs: string[]): MoovPlan {
  // Each tag is an atom (header, data box) around its value; the argument's `key=` covers the rest.
  const tagBytes = metadataArgs.filter((a) => a !== '-metadata').reduce((n, a) => n + Buffer.byteLength(a, 'utf8') + 32, 0);
  return {
    durationSec,
    video: sel.video ? { fps: sel.video.fps ?? null } : null,
    audio: sel.audio ? { sampleRate: sel.audio.asr ?? null } : null,
    subtitleTracks: extras.subtitles,
    chapters: extras.chapters,
    tagBytes,
  };
}

/** ffmpeg's words when the room was too small (the file is then unusable: its first bytes were overwritten). */
export const MOOV_TOO_SMALL = /reserved_moov_size is too small/;
