/** Shapes shared by the resolver's modules; everything external is injected through these. */
import type { StructuredLine, StructuredLog } from '../log/structured.js';
import type { LimitOptions } from './rate-limit.js';

/** One structured resolver log line (source 'resolver'); the host's logger renders it. */
export type ResolverLogLine = StructuredLine;
export type ResolverLog = StructuredLog;

export type ProviderName = 'deezer' | 'itunes' | 'odesli' | 'groq' | 'gemini' | 'page' | 'registry';

/** What one provider knows about the track; null = this provider does not say. */
export interface ProviderTrack {
  provider: ProviderName;
  title: string | null;
  artists: string[];
  album: string | null;
  isrc: string | null;
  durationSec: number | null;
  artworkUrl: string | null;
  previewUrl: string | null;
  trackNumber: number | null;
  releaseDate: string | null;
  /** The provider's own page for the track (Deezer's link is what Odesli is asked with for text input). */
  link: string | null;
}

export function emptyTrack(provider: ProviderName): ProviderTrack {
  return {
    provider,
    title: null,
    artists: [],
    album: null,
    isrc: null,
    durationSec: null,
    artworkUrl: null,
    previewUrl: null,
    trackNumber: null,
    releaseDate: null,
    link: null,
  };
}

/** Endpoints and keys, from the host's config (tests point them at local stand-ins). */
export interface ResolverEndpoints {
  /** Default https://api.deezer.com (NEXSTREAM_DEEZER_API). */
  deezer: string;
  /** Default https://itunes.apple.com (NEXSTREAM_ITUNES_API). */
  itunes: string;
  /** Default https://api.song.link (NEXSTREAM_ODESLI_API). */
  odesli: string;
  odesliKey?: string | null;
  groq?: { apiKey: string; baseURL?: string | null } | null;
  gemini?: { apiKey: string; baseUrl?: string | null } | null;
  /** yt-dlp executable (NEXSTREAM_YTDLP or PATH). */
  ytdlp: string;
}

/** What every HTTP provider client takes: its endpoint (from config), logging, and test/pacing seams. */
export interface ProviderClientOptions {
  baseUrl: string;
  log?: ResolverLog;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Pacing override (defaults follow the service's published limits). */
  limit?: LimitOptions;
}
