/** yt-dlp's info dict -> the quality picker's model: formats, and the presets this source can really give. Pure. */
import type { Format, PresetId, PresetOption, ProbeResult } from '../../shared/protocol/index.js';
import { codecFamily } from './codecs.js';
import { AUDIO_PRESETS, AUDIO_PRESET_IDS, VIDEO_HEIGHTS, type AudioPresetId } from '../../shared/presets.js';
import { mediaExtras } from './probe-extras.js';
import { chooseFormats, formatHeight, heightTier } from './presets.js';
import { hasAudio, hasVideo, rawFormats, thumbnailUrl, type InfoDict, type RawFormat } from './ytdlp-info.js';

const posInt = (n: number | null | undefined) => (n && n > 0 ? Math.round(n) : undefined);
const pos = (n: number | null | undefined) => (n && n > 0 ? n : undefined);
const known = (c: string | null | undefined) => (c && c !== 'none' ? c : undefined);

export function mapFormat(f: RawFormat): Format {
  const kind = hasVideo(f) === false ? 'audio' : hasAudio(f) === false ? 'video' : 'muxed';
  const out: Format = { id: f.format_id, kind, ext: f.ext ?? 'unknown' };
  const extra: Partial<Format> = {
    height: posInt(f.height),
    width: posInt(f.width),
    fps: pos(f.fps),
    vcodec: known(f.vcodec),
    acodec: known(f.acodec),
    abr: pos(f.abr),
    tbr: pos(f.tbr),
    filesize: pos(f.filesize) ?? pos(f.filesize_approx),
    protocol: f.protocol ?? undefined,
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Bytes: the stated size, else bitrate (kbit/s) x duration. */
export function formatBytes(f: RawFormat, durationSec: number | null): number | null {
  const stated = pos(f.filesize) ?? pos(f.filesize_approx);
  if (stated) return stated;
  const kbps = pos(f.tbr) ?? (pos(f.vbr) ?? 0) + (pos(f.abr) ?? 0);
  return kbps && durationSec ? Math.round((kbps * 1000 * durationSec) / 8) : null;
}

export function humanSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e7) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

function videoPreset(id: PresetId, formats: RawFormat[], dur: number | null, isBest: boolean): PresetOption {
  const sel = chooseFormats(formats, id);
  const parts = [sel.video, sel.audio].filter((f, i, a): f is RawFormat => !!f && a.indexOf(f) === i);
  const sizes = parts.map((f) => formatBytes(f, dur));
  const size = sizes.every((s) => s !== null) ? sizes.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  const h = sel.video ? formatHeight(sel.video) : null;
  const fps = sel.video?.fps ?? undefined;
  const res = h ? `${heightTier(h) ?? h}p${fps && fps > 31 ? Math.round(fps) : ''}` : null;
  const label = [isBest ? 'Best' : null, res, 'MP4', size ? `~${humanSize(size)}` : null].filter(Boolean).join(' · ');
  const opt: PresetOption = { id, label, kind: 'video', ext: 'mp4' };
  if (h) opt.height = heightTier(h) ?? h;
  if (fps) opt.fps = fps;
  if (size) opt.approxSize = size;
  return opt;
}

function audioPreset(id: AudioPresetId, formats: RawFormat[], dur: number | null): PresetOption {
  const p = AUDIO_PRESETS[id];
  const src = chooseFormats(formats, id).audio;
  const copies = p.copyFrom && src && codecFamily(src.acodec) === p.copyFrom && hasVideo(src) === false;
  const size = copies && src ? formatBytes(src, dur) : p.kbps && dur ? Math.round((p.kbps * 1000 * dur) / 8) : null;
  const opt: PresetOption = { id, label: [p.label, size ? `~${humanSize(size)}` : null].filter(Boolean).join(' · '), kind: 'audio', ext: p.ext };
  if (size) opt.approxSize = size;
  return opt;
}

/** Video heights the source really has (2160..360), 'best', and audio presets when there is sound; one default. */
export function buildPresets(formats: RawFormat[], durationSec: number | null): PresetOption[] {
  const withVideo = formats.filter((f) => hasVideo(f) !== false);
  const tiers = new Set(withVideo.map((f) => heightTier(formatHeight(f) ?? 0)).filter((t): t is number => t !== null));
  const out: PresetOption[] = [];
  if (withVideo.length) out.push(videoPreset('best', formats, durationSec, true));
  for (const h of VIDEO_HEIGHTS) if (tiers.has(h)) out.push(videoPreset(`mp4-${h}` as PresetId, formats, durationSec, false));
  if (formats.some((f) => hasAudio(f) !== false)) for (const id of AUDIO_PRESET_IDS) out.push(audioPreset(id, formats, durationSec));
  // 1080p (or the best below it) is what most people want; an audio-only source defaults to MP3.
  const def = out.find((p) => p.kind === 'video' && p.id !== 'best' && (p.height ?? 0) <= 1080) ?? out.find((p) => p.id === 'best') ?? out[0];
  if (def) def.default = true;
  return out;
}

/** The html5 embed extractor of yt-dlp 2023 appends " (1)" to a page's only video. */
function cleanTitle(info: InfoDict): string | null {
  if (!info.title) return null;
  return info.extractor === 'html5' ? info.title.replace(/ \(1\)$/, '') : info.title;
}

export function toProbeResult(url: string, info: InfoDict, formats: RawFormat[] = rawFormats(info)): ProbeResult {
  return {
    url,
    title: cleanTitle(info) ?? info.id ?? 'download',
    durationSec: info.duration && info.duration > 0 ? info.duration : null,
    thumbnail: thumbnailUrl(info),
    uploader: info.uploader ?? info.artist ?? null,
    ...(info.extractor ? { extractor: info.extractor } : {}),
    formats: formats.map(mapFormat),
    presets: buildPresets(formats, info.duration ?? null),
    ...mediaExtras(info),
  };
}
