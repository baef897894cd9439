import { z } from 'zod';
import { ERROR_CODES } from '../errors.js';
import { PRESET_IDS } from '../presets.js';

/** An http(s) URL that cannot be mistaken for a command-line option. */
export const HttpUrl = z
  .string()
  .max(8192)
  .refine((s) => !s.startsWith('-'), 'URL must not start with "-"')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'URL must be http(s)');

export const FormatKind = z.enum(['video', 'audio', 'muxed']);

/** One stream yt-dlp found (CLI contract: `nexstream probe --json`). */
export const Format = z.object({
  id: z.string(),
  kind: FormatKind,
  ext: z.string(),
  height: z.number().int().positive().optional(),
  width: z.number().int().positive().optional(),
  fps: z.number().positive().optional(),
  vcodec: z.string().optional(),
  acodec: z.string().optional(),
  abr: z.number().nonnegative().optional(),
  tbr: z.number().nonnegative().optional(),
  filesize: z.number().nonnegative().optional(),
  protocol: z.string().optional(),
});
export type Format = z.infer<typeof Format>;

export const PresetId = z.enum(PRESET_IDS);
export type PresetId = z.infer<typeof PresetId>;

/** A choice in the quality picker, as the host offers it for one source. */
export const PresetOption = z.object({
  id: PresetId,
  label: z.string(),
  kind: z.enum(['video', 'audio']),
  height: z.number().int().positive().optional(),
  fps: z.number().positive().optional(),
  ext: z.string().optional(),
  /** Approximate output size in bytes, when the source says enough to estimate it. */
  approxSize: z.number().nonnegative().optional(),
  default: z.boolean().optional(),
});
export type PresetOption = z.infer<typeof PresetOption>;

export const ProbeResult = z.object({
  url: z.string(),
  title: z.string(),
  durationSec: z.number().nonnegative().nullable(),
  thumbnail: z.string().nullable(),
  uploader: z.string().nullable().optional(),
  extractor: z.string().optional(),
  formats: z.array(Format),
  presets: z.array(PresetOption),
});
export type ProbeResult = z.infer<typeof ProbeResult>;

/** Tags to embed, overriding what the source says (e.g. official metadata from the resolver). */
export const TrackTags = z.object({
  title: z.string().max(1000).optional(),
  artist: z.string().max(1000).optional(),
  album: z.string().max(1000).optional(),
  albumArtist: z.string().max(1000).optional(),
  date: z.string().max(32).optional(),
  track: z.number().int().positive().optional(),
  isrc: z.string().max(32).optional(),
  coverUrl: HttpUrl.optional(),
  /** Album tags: track n/N, disc n/N, genre, compilation flag. */
  trackTotal: z.number().int().positive().max(10_000).optional(),
  disc: z.number().int().positive().max(1000).optional(),
  discTotal: z.number().int().positive().max(1000).optional(),
  genre: z.string().max(200).optional(),
  compilation: z.boolean().optional(),
});
export type TrackTags = z.infer<typeof TrackTags>;

/** Only downloads are jobs; probes and resolves are requests whose steps show in the log (jobId null). */
export const JobKind = z.enum(['download']);
export const JobStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatus>;

export const Progress = z.object({
  percent: z.number().min(0).max(100).nullable(),
  /** Bytes per second written, when known. */
  speed: z.number().nonnegative().nullable(),
  etaSec: z.number().nonnegative().nullable(),
  /** Media time processed so far, seconds. */
  outTimeSec: z.number().nonnegative().nullable().optional(),
  bytes: z.number().nonnegative().nullable().optional(),
});
export type Progress = z.infer<typeof Progress>;

/** The closed set of shared/errors.ts: a code outside it is a malformed message, not a new kind of failure. */
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const ErrorPayload = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.record(z.unknown()).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export const JobInfo = z.object({
  id: z.string(),
  kind: JobKind,
  status: JobStatus,
  url: z.string(),
  title: z.string().optional(),
  preset: z.string().optional(),
  progress: Progress.optional(),
  path: z.string().optional(),
  error: ErrorPayload.optional(),
  createdAt: z.number(),
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
});
export type JobInfo = z.infer<typeof JobInfo>;

export const LogLevel = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevel>;
export const LogSource = z.enum(['host', 'yt-dlp', 'ffmpeg', 'resolver', 'registry']);
export type LogSource = z.infer<typeof LogSource>;

export const LogLine = z.object({
  t: z.number(),
  jobId: z.string().nullable(),
  source: LogSource,
  level: LogLevel,
  text: z.string(),
  /** Set on a line that replaces the previous line with the same key (ffmpeg's \r progress). */
  replaceKey: z.string().optional(),
});
export type LogLine = z.infer<typeof LogLine>;

/** Config as the extension sees it: secrets are write-only and come back only as "set or not". */
export const PublicConfig = z.object({
  downloadDir: z.string(),
  concurrency: z.number().int().min(1).max(8),
  defaultVideoPreset: PresetId,
  defaultAudioPreset: PresetId,
  probeCacheSec: z.number().int().min(0),
  secrets: z.object({
    groqApiKey: z.boolean(),
    geminiApiKey: z.boolean(),
    tursoAuthToken: z.boolean(),
    odesliApiKey: z.boolean(),
  }),
  tursoUrl: z.string().nullable(),
  tursoReplica: z.boolean(),
  /** Embed LRCLIB lyrics in audio downloads (default on); optional so an older host's config still parses. */
  lyrics: z.boolean().optional(),
});
export type PublicConfig = z.infer<typeof PublicConfig>;

export const ConfigPatch = z
  .object({
    downloadDir: z.string().min(1).max(4096),
    concurrency: z.number().int().min(1).max(8),
    defaultVideoPreset: PresetId,
    defaultAudioPreset: PresetId,
    probeCacheSec: z.number().int().min(0).max(86400),
    groqApiKey: z.string().max(512).nullable(),
    geminiApiKey: z.string().max(512).nullable(),
    tursoUrl: z.string().max(2048).nullable(),
    tursoAuthToken: z.string().max(4096).nullable(),
    tursoReplica: z.boolean(),
    odesliApiKey: z.string().max(512).nullable(),
    lyrics: z.boolean(),
  })
  .partial()
  .strict();
export type ConfigPatch = z.infer<typeof ConfigPatch>;

export const ToolStatus = z.object({
  name: z.string(),
  path: z.string().nullable(),
  version: z.string().nullable(),
  ok: z.boolean(),
  problem: z.string().optional(),
  fix: z.string().optional(),
});
export type ToolStatus = z.infer<typeof ToolStatus>;

export const DoctorReport = z.object({
  hostVersion: z.string(),
  protocolVersion: z.number(),
  node: z.string(),
  platform: z.string(),
  tools: z.array(ToolStatus),
  configPath: z.string(),
  logPath: z.string(),
  registryPath: z.string().nullable(),
  downloadDir: z.string(),
});
export type DoctorReport = z.infer<typeof DoctorReport>;
