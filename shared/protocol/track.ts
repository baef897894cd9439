import { z } from 'zod';

/** What a content script (or `--meta`) knows about a track from the page itself. */
export const PageTrackMeta = z
  .object({
    title: z.string().max(1000).optional(),
    artists: z.array(z.string().max(500)).max(50).optional(),
    album: z.string().max(1000).optional(),
    durationSec: z.number().positive().max(86400).optional(),
    isrc: z.string().max(32).optional(),
    artworkUrl: z.string().max(4096).optional(),
  })
  .strict();
export type PageTrackMeta = z.infer<typeof PageTrackMeta>;

export const ResolveLevel = z.enum(['registry', 'override', 'isrc', 'odesli', 'llm', 'search']);
export type ResolveLevel = z.infer<typeof ResolveLevel>;

/** Why a candidate scored what it did; shown in the popup. Each part is 0..1 unless noted. */
export const ScoreBreakdown = z.object({
  title: z.number(),
  artist: z.number(),
  duration: z.number(),
  channel: z.number(),
  /** Penalty subtracted for unwanted markers (live, remix, cover, sped up, ...). */
  penalty: z.number(),
  markers: z.array(z.string()),
  /** Bonus for the search that found it (ISRC search, official song result). */
  source: z.number(),
});
export type ScoreBreakdown = z.infer<typeof ScoreBreakdown>;

export const MatchCandidate = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  channel: z.string().nullable(),
  durationSec: z.number().nullable(),
  score: z.number(),
  breakdown: ScoreBreakdown.optional(),
  foundBy: z.string().optional(),
});
export type MatchCandidate = z.infer<typeof MatchCandidate>;

/** The track as known so far; every field fills in as providers answer. */
export const TrackInfo = z.object({
  title: z.string().nullable(),
  artists: z.array(z.string()),
  album: z.string().nullable(),
  isrc: z.string().nullable(),
  durationSec: z.number().nullable(),
  artworkUrl: z.string().nullable(),
  previewUrl: z.string().nullable(),
  trackNumber: z.number().int().nullable().optional(),
  releaseDate: z.string().nullable().optional(),
});
export type TrackInfo = z.infer<typeof TrackInfo>;

/** CLI contract of `nexstream resolve --json`, and the resolve request's result. */
export const ResolveResult = TrackInfo.extend({
  level: ResolveLevel,
  verified: z.boolean(),
  match: MatchCandidate.nullable(),
  candidates: z.array(MatchCandidate.pick({ id: true, title: true, score: true, url: true, channel: true, durationSec: true })),
  timingsMs: z.record(z.number()),
  /** Which provider filled which field first, e.g. {title: 'deezer', artworkUrl: 'itunes'}. */
  sources: z.record(z.string()).optional(),
});
export type ResolveResult = z.infer<typeof ResolveResult>;
