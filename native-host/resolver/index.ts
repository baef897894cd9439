/**
 * The resolver's public face: build one from endpoints + registry + logger, then
 * `resolve(input, {meta, noCache, emit, signal})` and `override({input, isrc, videoUrl})`.
 */
import type { Registry } from '../registry/index.js';
import { Deezer } from './deezer.js';
import { ITunes } from './itunes.js';
import { geminiProvider } from './llm-gemini.js';
import { groqProvider } from './llm-groq.js';
import type { LlmProvider } from './llm.js';
import type { LimitOptions } from './rate-limit.js';
import { Odesli } from './odesli.js';
import { Resolver } from './resolve.js';
import type { ResolverEndpoints, ResolverLog } from './types.js';
import { YoutubeSearch } from './youtube-search.js';
import { LIMITS } from '../limits.js';
import { YtdlpEnricher } from './ytdlp-enrich.js';
import { YtdlpBatcher } from './collection/ytdlp-batch.js';
import { YtMusic } from './ytmusic.js';

export type { Resolver, PartialUpdate, ResolveOptions } from './resolve.js';

export interface CreateResolverOptions {
  endpoints: ResolverEndpoints;
  registry: Registry;
  log?: ResolverLog;
  /** Per provider HTTP attempt, default LIMITS.providerMs (Odesli and the LLMs: LIMITS.slowProviderMs). */
  providerTimeoutMs?: number;
  /** Per yt-dlp search, default LIMITS.searchMs. */
  searchTimeoutMs?: number;
  /** Whole resolve, default LIMITS.resolveBudgetMs. */
  budgetMs?: number;
  previewRefreshMs?: number;
  fetch?: typeof fetch;
  /** Per-provider pacing overrides (local stand-ins do not need the public services' limits). */
  limits?: { deezer?: LimitOptions; itunes?: LimitOptions; odesli?: LimitOptions };
}

export function createResolver(o: CreateResolverOptions): Resolver {
  const log = o.log ?? (() => {});
  const e = o.endpoints;
  const http = { log, fetch: o.fetch, timeoutMs: o.providerTimeoutMs };
  const llms = [
    groqProvider({ apiKey: e.groq?.apiKey, baseURL: e.groq?.baseURL, log, timeoutMs: o.providerTimeoutMs }),
    geminiProvider({ apiKey: e.gemini?.apiKey, baseUrl: e.gemini?.baseUrl, log, timeoutMs: o.providerTimeoutMs }),
  ].filter((x): x is LlmProvider => x !== null);
  const ytmusic = e.ytmusic ? new YtMusic({ baseUrl: e.ytmusic, log, fetch: o.fetch, timeoutMs: o.providerTimeoutMs }) : null;
  // The library import and session are paid while levels 0-1 run, not on the first search.
  void ytmusic?.warm();
  // An album's tracks share yt-dlp runs (searches, lookups); single resolves never wait for company.
  const batcher = new YtdlpBatcher({ ytdlp: e.ytdlp, log, timeoutMs: o.searchTimeoutMs ?? LIMITS.searchMs });
  const enricher = new YtdlpEnricher({ ytdlp: e.ytdlp, log, timeoutMs: o.searchTimeoutMs, batcher });
  return new Resolver({
    deezer: new Deezer({ baseUrl: e.deezer, ...http, limit: o.limits?.deezer }),
    itunes: new ITunes({ baseUrl: e.itunes, ...http, limit: o.limits?.itunes }),
    odesli: new Odesli({ baseUrl: e.odesli, apiKey: e.odesliKey, ...http, limit: o.limits?.odesli }),
    llms,
    youtube: new YoutubeSearch({ ytdlp: e.ytdlp, log, timeoutMs: o.searchTimeoutMs ?? LIMITS.searchMs, ytmusic, enricher, batcher }),
    registry: o.registry,
    log,
    budgetMs: o.budgetMs,
    previewRefreshMs: o.previewRefreshMs,
  });
}
