import { z } from 'zod';
import { ERROR_CODES } from '../errors.js';
import { PRESET_IDS } from '../presets.js';
import { HTTP_URL_MAX_LENGTH, httpUrlProblem } from '../http-url.js';

/** Longest URL accepted; browsers and CDNs stop well before this (the rule: shared/http-url.ts). */
export const MAX_URL_CHARS = HTTP_URL_MAX_LENGTH;

/** An http(s) URL that cannot be mistaken for a command-line option (the rule: shared/http-url.ts). */
export const HttpUrl = z.string().superRefine((s, ctx) => {
  const problem = httpUrlProblem(s);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

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

/** A subtitle language the source offers (`auto`: YouTube-style automatic captions). */
export const SubtitleTrack = z.object({ lang: z.string().max(32), name: z.string().max(100), auto: z.boolean() });
export type SubtitleTrack = z.infer<typeof SubtitleTrack>;

/** A chapter as embedded in the file (seconds). */
export const Chapter = z.object({ startSec: z.number().nonnegative(), endSec: z.number().nonnegative(), title: z.string().max(200) });
export type Chapter = z.infer<typeof Chapter>;

/** yt-dlp's live_status: 'is_live' can only be recorded from now; 'is_upcoming' has not started. */
export const LiveStatus = z.enum(['is_live', 'is_upcoming', 'post_live', 'was_live', 'not_live']);
export type LiveStatus = z.infer<typeof LiveStatus>;

/** Subtitle languages to embed: a list ('en', 'pt-BR'), or 'all' (every non-automatic track). */
export const SubtitleChoice = z.union([z.literal('all'), z.array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)).max(20)]);
export type SubtitleChoice = z.infer<typeof SubtitleChoice>;

/**
 * A cookie as the extension reads it (chrome.cookies.Cookie's fields), sent with one job only (`cookies`); the host
 * keeps it in memory and in a private file for that job's tools, nowhere else.
 */
export const BrowserCookie = z
  .object({
    domain: z.string().min(1).max(253),
    name: z.string().min(1).max(256),
    value: z.string().max(8192),
    path: z.string().max(1024).default('/'),
    secure: z.boolean().default(false),
    httpOnly: z.boolean().default(false),
    hostOnly: z.boolean().default(false),
    /** Unix seconds; absent for a session cookie. */
    expirationDate: z.number().nonnegative().optional(),
  })
  .passthrough();
export type BrowserCookie = z.infer<typeof BrowserCookie>;

export const ProbeResult = z.object({
  url: z.string(),
  title: z.string(),
  durationSec: z.number().nonnegative().nullable(),
  thumbnail: z.string().nullable(),
  uploader: z.string().nullable().optional(),
  extractor: z.string().optional(),
  formats: z.array(Format),
  presets: z.array(PresetOption),
  /** Subtitle languages ffmpeg can embed (CLI contract: `nexstream probe --json`). */
  subtitles: z.array(SubtitleTrack).optional(),
  chapters: z.array(Chapter).optional(),
  live: LiveStatus.optional(),
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
  /** A recording of a live stream (download `live: true`): `stop` ends it and keeps the file; progress has no percent. */
  live: z.boolean().optional(),
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

/** Whether the config file parses; `line` is where the parse error is, `brokenCopy` the copy set aside. */
export const ConfigHealth = z.object({
  ok: z.boolean(),
  problem: z.string().optional(),
  line: z.number().int().optional(),
  brokenCopy: z.string().optional(),
});
export type ConfigHealth = z.infer<typeof ConfigHealth>;

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
  /** Set while the config file does not parse: the options page shows it and offers a reset. */
  fileProblem: ConfigHealth.optional(),
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
    /** Seconds without download progress before media.stalled; default 30. */
    stallTimeoutSec: z.number().int().min(1).max(3600),
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

/** The registry's state as doctor and the panel show it; never carries the token. */
export const RegistryStatus = z.object({
  mode: z.enum(['local', 'remote', 'replica', 'none']),
  state: z.enum(['ok', 'off', 'auth', 'unavailable']),
  code: z.enum(['registry.auth', 'registry.unavailable']).optional(),
  message: z.string().max(1000).optional(),
});
export type RegistryStatus = z.infer<typeof RegistryStatus>;

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
  /** Live helper processes against their cap, and the probe gate's queue. */
  processes: z.object({ live: z.number().int(), cap: z.number().int(), probesRunning: z.number().int(), probesWaiting: z.number().int() }).optional(),
  /** The config file's health: a file that does not parse is kept, copied aside, and writes refuse. */
  configFile: ConfigHealth.optional(),
  /** Optional: hosts before the shared-registry checks did not send it. */
  registry: RegistryStatus.optional(),
});
export type DoctorReport = z.infer<typeof DoctorReport>;
