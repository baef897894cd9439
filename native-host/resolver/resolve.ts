/**
 * The orchestrator: input (+ page metadata) -> override / registry -> identify (level 0 Deezer and
 * iTunes at once, level 1 Odesli, level 2 LLM only when identity is unclear) -> YouTube matching
 * -> verify -> cache. The first provider to answer hydrates the caller (emit), later ones refine.
 * Each step lives in its own module (identify, verify, cache, result); this file only sequences them.
 */
import type { MatchCandidate, PageTrackMeta, ResolveLevel, ResolveResult, TrackInfo } from '../../shared/protocol/track.js';
import { LIMITS } from '../limits.js';
import type { CachedTrack, Registry } from '../registry/index.js';
import { inputKeys, refreshHitPreview, saveOverride, storeVerified, type OverrideInput } from './cache.js';
import { identify, identityLevel, type IdentifyDeps } from './identify.js';
import { classifyInput } from './input.js';
import { pickMatch, toCandidate, type SearchHit } from './match.js';
import { mergeTracks } from './merge.js';
import { MAX_CANDIDATES, noTrack, overrideCandidate, toResult } from './result.js';
import { Run } from './run.js';
import type { ProviderTrack, ResolverLog } from './types.js';
import { verifyMatch } from './verify.js';
import type { SearchPlan } from './youtube-search.js';

export { inputKeys, type OverrideInput } from './cache.js';

export interface PartialUpdate {
  provider: string;
  level: ResolveLevel;
  track: Partial<TrackInfo>;
  match?: MatchCandidate | null;
}

export interface ResolveOptions {
  meta?: PageTrackMeta;
  noCache?: boolean;
  /** Called as providers answer: the first hydrates, later ones refine. */
  emit?: (p: PartialUpdate) => void;
  signal?: AbortSignal;
  /** One track of an album or playlist: Odesli (10 requests a minute) only when Deezer cannot name it. */
  collection?: boolean;
  /** What a catalogue already answered for this track (an album listing's row, with its ISRC): not asked again. */
  known?: ProviderTrack;
}

export interface ResolverDeps extends IdentifyDeps {
  youtube: { search(plan: SearchPlan, signal?: AbortSignal): Promise<SearchHit[]> };
  registry: Registry;
  log: ResolverLog;
  /** Overall budget per resolve, default LIMITS.resolveBudgetMs. */
  budgetMs?: number;
  /** Preview refresh bound on registry hits, default LIMITS.previewRefreshMs. */
  previewRefreshMs?: number;
}

export class Resolver {
  /** Background work (preview refreshes) that outlives a resolve; tests and the CLI can await it. */
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly deps: ResolverDeps) {}

  /** The catalogue clients (and their rate limits), shared with the album / playlist lister. */
  get providers(): IdentifyDeps {
    return this.deps;
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.background]);
  }

  async resolve(raw: string, opts: ResolveOptions = {}): Promise<ResolveResult> {
    const { registry, log } = this.deps;
    const parsed = classifyInput(raw);
    const budgetMs = this.deps.budgetMs ?? LIMITS.resolveBudgetMs;
    const budget = AbortSignal.timeout(budgetMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, budget]) : budget;
    const run = new Run(log, { ...opts, signal });
    const keys = inputKeys(parsed, opts.meta);
    log({ level: 'info', event: 'resolve.start', kind: parsed.kind, platform: parsed.kind === 'link' ? parsed.platform : null });

    const t0 = Date.now();
    const override = await registry.getOverride(keys);
    if (!opts.noCache) {
      const cached = (await registry.getByKey(keys[0] ?? '')) ?? (opts.meta?.isrc ? await registry.getByIsrc(opts.meta.isrc) : null);
      run.timings.registry = Date.now() - t0;
      if (cached && !override) return this.fromRegistry(run, cached);
    }

    const llmSignal = AbortSignal.any([signal, AbortSignal.timeout(budgetMs * LIMITS.llmBudgetShare)]);
    const identity = await identify(this.deps, parsed, run, signal, llmSignal);
    const { track, sources } = mergeTracks([...run.parts.values()]);
    if (!track.title) throw noTrack(run);
    const level = identityLevel(identity, run);

    if (override) return toResult(run, log, { track, sources, level: 'override', verified: false, match: overrideCandidate(override.videoId, override.videoUrl), candidates: [] });

    // A track resolved before by ISRC comes from the registry even when the input was text.
    if (!opts.noCache && track.isrc) {
      const cached = await registry.getByIsrc(track.isrc);
      if (cached) return this.fromRegistry(run, cached);
    }

    const t1 = Date.now();
    const query = identity.llm?.query ?? `${track.artists[0] ? `${track.artists[0]} - ` : ''}${track.title}`;
    const facts = { title: track.title, artists: track.artists, album: track.album, durationSec: track.durationSec };
    const hits = await this.deps.youtube.search({ isrc: track.isrc, query, track: facts, ...(opts.collection && { batch: true }) }, signal);
    run.timings.youtube = Date.now() - t1;
    // Free text no catalogue could look up, and a search that found nothing: name who failed, not "no confident match".
    if (!hits.length && level === 'search' && run.failures.length) throw noTrack(run, 'the YouTube search found nothing either');
    const outcome = pickMatch(facts, hits);
    const best = outcome.best;
    const verifiedBy = verifyMatch({ best, isrc: track.isrc, isrcSource: sources.isrc, identity });
    const match = best ? toCandidate(best) : null;
    if (match) opts.emit?.({ provider: 'youtube', level, track, match });
    log({ level: 'info', event: best ? 'match.picked' : 'match.none', id: best?.hit.id, score: best?.score, verifiedBy, candidates: hits.length });

    if (verifiedBy && match && track.isrc && track.title && !opts.noCache) {
      const verifiedTrack = { ...track, isrc: track.isrc, title: track.title };
      await storeVerified(registry, { track: verifiedTrack, match, verifiedBy, level, inputKeys: keys, odesli: identity.odesli, deezerLink: run.parts.get('deezer')?.link });
    }
    const candidates = outcome.ranked.slice(0, MAX_CANDIDATES).map(toCandidate);
    return toResult(run, log, { track, sources, level, verified: verifiedBy !== null, match, candidates });
  }

  /** Remembers the user's pick locally (never in a shared registry: it is not ISRC-verified). */
  override(o: OverrideInput): Promise<{ saved: boolean }> {
    return saveOverride(this.deps, o);
  }

  private fromRegistry(run: Run, cached: CachedTrack): ResolveResult {
    const t = cached.track;
    run.opts.emit?.({ provider: 'registry', level: 'registry', track: t, match: cached.match });
    const job = refreshHitPreview(this.deps, cached, this.deps.previewRefreshMs ?? LIMITS.previewRefreshMs, (u) => run.opts.emit?.({ ...u, level: 'registry' }));
    if (job) {
      this.background.add(job);
      void job.finally(() => this.background.delete(job));
    }
    return toResult(run, this.deps.log, { track: t, sources: { title: 'registry' }, level: 'registry', verified: true, match: cached.match, candidates: [cached.match] });
  }
}
