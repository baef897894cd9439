/**
 * The orchestrator: input (+ page metadata) -> override / registry -> level 0 (Deezer and iTunes
 * at the same time) -> level 1 (Odesli) -> level 2 (LLM, only when identity is unclear) ->
 * YouTube matching. The first provider to answer hydrates the caller (emit), later ones refine.
 */
import { NexError } from '../../shared/errors.js';
import type { MatchCandidate, PageTrackMeta, ResolveLevel, ResolveResult, TrackInfo } from '../../shared/protocol/track.js';
import type { Registry } from '../registry/index.js';
import type { Deezer } from './deezer.js';
import { classifyInput, type ResolveInput } from './input.js';
import type { ITunes } from './itunes.js';
import type { LlmAnswer, LlmProvider } from './llm.js';
import { pickMatch, toCandidate, type SearchHit } from './match.js';
import { mergeTracks, sameRecording } from './merge.js';
import type { Odesli, OdesliMapping } from './odesli.js';
import { refreshPreview } from './preview-refresh.js';
import { ProviderError, type Result } from './provider-error.js';
import { emptyTrack, type ProviderName, type ProviderTrack, type ResolverLog } from './types.js';
import { untilAborted } from './until-aborted.js';
import type { SearchPlan } from './youtube-search.js';

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
}

export interface ResolverDeps {
  deezer: Deezer;
  itunes: ITunes;
  odesli: Odesli;
  /** In order of preference (Groq, then Gemini); empty when no key is configured. */
  llms: LlmProvider[];
  youtube: { search(plan: SearchPlan, signal?: AbortSignal): Promise<SearchHit[]> };
  registry: Registry;
  log: ResolverLog;
  /** Overall budget per resolve, default 30 s. */
  budgetMs?: number;
  /** Preview refresh bound on registry hits, default 3 s. */
  previewRefreshMs?: number;
}

export interface OverrideInput {
  input: string;
  isrc?: string | null;
  videoUrl: string;
}

const YT_ID = /(?:[?&]v=|youtu\.be\/|\/shorts\/)([\w-]{11})/;

/** Registry keys an input can be found under. */
export function inputKeys(p: ResolveInput, meta?: PageTrackMeta): string[] {
  const keys = p.kind === 'link' ? [`${p.platform}:${p.id}`] : [`text:${p.text.toLowerCase()}`];
  if (meta?.isrc) keys.push(`isrc:${meta.isrc.toUpperCase()}`);
  return keys;
}

class Run {
  readonly timings: Record<string, number> = {};
  /** Providers that failed (not "don't know it"): an empty result then means "could not ask", not "nobody knows". */
  readonly failures: { provider: string; reason: string }[] = [];
  readonly parts = new Map<ProviderName, ProviderTrack>();
  private emitted = false;
  readonly started = Date.now();

  constructor(
    private readonly deps: ResolverDeps,
    readonly opts: ResolveOptions,
  ) {}

  /** Times a call, logs it as one structured line, and never lets it throw. */
  async timed<T>(name: string, fn: () => Promise<Result<T>>): Promise<T | null> {
    const t0 = Date.now();
    let r: Result<T>;
    try {
      r = await fn();
    } catch (e) {
      r = { ok: false, error: new ProviderError(name, 'network', e instanceof Error ? e.message : String(e), undefined, { cause: e }) };
    }
    const ms = Date.now() - t0;
    this.timings[name] = (this.timings[name] ?? 0) + ms;
    if (!r.ok && r.error.reason !== 'not_found') this.failures.push({ provider: name, reason: r.error.reason });
    if (r.ok) this.deps.log({ level: 'info', event: 'provider.ok', provider: name, ms });
    else this.deps.log({ level: r.error.reason === 'not_found' ? 'info' : 'warn', event: 'provider.failed', provider: name, reason: r.error.reason, error: r.error.message, ms });
    return r.ok ? r.value : null;
  }

  add(part: ProviderTrack, level: ResolveLevel): void {
    const deezer = this.parts.get('deezer');
    // A search on another provider may have found a different song than Deezer's ISRC: keep it out.
    if (part.provider !== 'deezer' && deezer && !sameRecording(deezer, part)) {
      this.deps.log({ level: 'warn', event: 'provider.disagrees', provider: part.provider, with: 'deezer', title: part.title });
      return;
    }
    this.parts.set(part.provider, part);
    const { track } = mergeTracks([...this.parts.values()]);
    this.deps.log({ level: 'debug', event: this.emitted ? 'resolve.refine' : 'resolve.hydrate', provider: part.provider, ms: Date.now() - this.started });
    this.emitted = true;
    this.opts.emit?.({ provider: part.provider, level, track });
  }
}

export class Resolver {
  /** Background work (preview refreshes) that outlives a resolve; tests and the CLI can await it. */
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly deps: ResolverDeps) {}

  async idle(): Promise<void> {
    await Promise.allSettled([...this.background]);
  }

  async resolve(raw: string, opts: ResolveOptions = {}): Promise<ResolveResult> {
    const parsed = classifyInput(raw);
    const budget = AbortSignal.timeout(this.deps.budgetMs ?? 30_000);
    const signal = opts.signal ? AbortSignal.any([opts.signal, budget]) : budget;
    const run = new Run(this.deps, { ...opts, signal });
    const keys = inputKeys(parsed, opts.meta);
    this.deps.log({ level: 'info', event: 'resolve.start', kind: parsed.kind, platform: parsed.kind === 'link' ? parsed.platform : null });

    const t0 = Date.now();
    const override = await this.deps.registry.getOverride(keys);
    if (!opts.noCache) {
      const cached = (await this.deps.registry.getByKey(keys[0] ?? '')) ?? (opts.meta?.isrc ? await this.deps.registry.getByIsrc(opts.meta.isrc) : null);
      run.timings.registry = Date.now() - t0;
      if (cached && !override) return this.fromRegistry(run, cached);
    }

    const identity = await this.identify(parsed, run, signal);
    const { track, sources } = mergeTracks([...run.parts.values()]);
    if (!track.title) throw noTrack(run);
    const level: ResolveLevel = identity.llm ? 'llm' : run.parts.has('deezer') || run.parts.has('itunes') ? 'isrc' : run.parts.has('odesli') ? 'odesli' : 'search';

    if (override) return this.finish(run, track, sources, 'override', false, overrideCandidate(override.videoId, override.videoUrl), []);

    // A track resolved before by ISRC comes from the registry even when the input was text.
    if (!opts.noCache && track.isrc) {
      const cached = await this.deps.registry.getByIsrc(track.isrc);
      if (cached) return this.fromRegistry(run, cached);
    }

    const t1 = Date.now();
    const query = identity.llm?.query ?? `${track.artists[0] ? `${track.artists[0]} - ` : ''}${track.title}`;
    const hits = await this.deps.youtube.search({ isrc: track.isrc, query }, signal);
    run.timings.youtube = Date.now() - t1;
    // Free text no catalogue could look up, and a search that found nothing: name who failed, not "no confident match".
    if (!hits.length && level === 'search' && run.failures.length) throw noTrack(run, 'the YouTube search found nothing either');
    const odesliIds = new Set([identity.odesli?.youtubeId, identity.odesli?.youtubeMusicId].filter((x): x is string => !!x));
    const outcome = pickMatch({ title: track.title, artists: track.artists, album: track.album, durationSec: track.durationSec }, hits);
    const best = outcome.best;

    // Cache integrity: an authoritative ISRC AND the match confirmed through an ISRC path.
    let verifiedBy: 'odesli' | 'isrc-search' | null = null;
    if (best && track.isrc && sources.isrc === 'deezer') {
      if (identity.odesliFromAuthority && odesliIds.has(best.hit.id)) verifiedBy = 'odesli';
      else if (best.hit.foundBy.includes('isrc') && best.breakdown.duration >= 0.9 && best.breakdown.title >= 0.8 && best.breakdown.penalty < 0.1) verifiedBy = 'isrc-search';
    }
    const match = best ? toCandidate(best) : null;
    if (match) opts.emit?.({ provider: 'youtube', level, track, match });
    this.deps.log({ level: 'info', event: best ? 'match.picked' : 'match.none', id: best?.hit.id, score: best?.score, verifiedBy, candidates: hits.length });

    if (verifiedBy && match && track.isrc && track.title && !opts.noCache) {
      const platformKeys = Object.entries(identity.odesli?.ids ?? {}).map(([p, id]) => `${p}:${id}`);
      const deezerLink = run.parts.get('deezer')?.link;
      const deezerId = deezerLink ? /track\/(\d+)/.exec(deezerLink)?.[1] : undefined;
      await this.deps.registry.putVerified({
        track: { ...track, isrc: track.isrc, title: track.title },
        match,
        verifiedBy,
        level,
        keys: [...keys.filter((k) => !k.startsWith('text:')), ...platformKeys, ...(deezerId ? [`deezer:${deezerId}`] : [])],
      });
    }
    const candidates = outcome.ranked.slice(0, 8).map(toCandidate);
    return this.finish(run, track, sources, level, verifiedBy !== null, match, candidates);
  }

  /** Remembers the user's pick locally (never in a shared registry: it is not ISRC-verified). */
  async override(o: OverrideInput): Promise<{ saved: boolean }> {
    const parsed = classifyInput(o.input);
    const id = YT_ID.exec(o.videoUrl)?.[1];
    if (!id) throw new NexError('input.invalid', 'The override must be a YouTube video link.', { videoUrl: o.videoUrl.slice(0, 200) });
    const keys = inputKeys(parsed);
    if (o.isrc) keys.push(`isrc:${o.isrc.toUpperCase()}`);
    const saved = await this.deps.registry.putOverride({ key: keys[0] ?? o.input, isrc: o.isrc ?? null, videoId: id, videoUrl: o.videoUrl }, keys);
    this.deps.log({ level: 'info', event: 'override.saved', saved, videoId: id });
    return { saved };
  }

  private async identify(p: ResolveInput, run: Run, signal: AbortSignal): Promise<{ odesli: OdesliMapping | null; odesliFromAuthority: boolean; llm: LlmAnswer | null }> {
    const { deezer, itunes, odesli } = this.deps;
    const meta = run.opts.meta;
    const text = p.kind === 'text' ? { artist: p.artist, title: p.title } : null;
    const hint = meta?.title ? { artist: meta.artists?.[0] ?? null, title: meta.title } : text;
    const duration = meta?.durationSec ?? null;
    if (meta && (meta.title || meta.isrc)) run.add({ ...emptyTrack('page'), title: meta.title ?? null, artists: meta.artists ?? [], album: meta.album ?? null, isrc: meta.isrc ?? null, durationSec: meta.durationSec ?? null, artworkUrl: meta.artworkUrl ?? null }, 'search');

    // Level 1 starts at once for a link; for text it waits for Deezer's link (below).
    const odesliForLink = p.kind === 'link' && p.platform !== 'deezer' ? run.timed('odesli', () => odesli.links(p.url, signal)) : null;

    const deezerTask = (async () => {
      let t: ProviderTrack | null = null;
      if (p.kind === 'link' && p.platform === 'deezer') t = await run.timed('deezer', () => deezer.byId(p.id, signal));
      else if (meta?.isrc) t = await run.timed('deezer', () => deezer.byIsrc(meta.isrc ?? '', signal));
      if (!t && hint) t = await run.timed('deezer', () => deezer.search({ ...hint, durationSec: duration }, signal));
      if (!t && odesliForLink) {
        const m = await odesliForLink;
        if (m?.ids.deezer) t = await run.timed('deezer', () => deezer.byId(m.ids.deezer ?? '', signal));
        else if (m?.title) t = await run.timed('deezer', () => deezer.search({ artist: m.artist, title: m.title ?? '', durationSec: duration }, signal));
      }
      if (t) run.add(t, 'isrc');
      return t;
    })();

    const itunesTask = (async () => {
      let t: ProviderTrack | null = null;
      if (p.kind === 'link' && p.platform === 'appleMusic') t = await run.timed('itunes', () => itunes.lookup(p.id, signal));
      else if (hint) t = await run.timed('itunes', () => itunes.search({ ...hint, durationSec: duration }, signal));
      else if (odesliForLink) {
        const m = await odesliForLink;
        const appleId = m?.ids.appleMusic ?? m?.ids.itunes;
        if (appleId) t = await run.timed('itunes', () => itunes.lookup(appleId, signal));
        else if (m?.title) t = await run.timed('itunes', () => itunes.search({ artist: m.artist, title: m.title ?? '', durationSec: duration }, signal));
      }
      if (t) run.add(t, 'isrc');
      return t;
    })();

    const odesliTask = (async () => {
      let m = odesliForLink ? await odesliForLink : null;
      let fromAuthority = false;
      if (!m) {
        // Text input (or a Deezer link): ask Odesli with the Deezer track link level 0 found.
        const d = await deezerTask;
        if (d?.link) {
          m = await run.timed('odesli', () => odesli.links(d.link ?? '', signal));
          fromAuthority = m !== null;
        }
      }
      if (m) {
        const d = await deezerTask;
        // The mapping is from the authority when it started at, or agrees with, Deezer's track id.
        const deezerId = d?.link ? /track\/(\d+)/.exec(d.link)?.[1] : undefined;
        fromAuthority ||= !!deezerId && m.ids.deezer === deezerId;
        if (m.title) run.add({ ...emptyTrack('odesli'), title: m.title, artists: m.artist ? [m.artist] : [] }, 'odesli');
      }
      return { m, fromAuthority };
    })();

    const [, , od] = await Promise.all([deezerTask, itunesTask, odesliTask]);

    // Level 2 only when levels 0-1 left the identity unclear (no authoritative title), and there is text to read.
    let llm: LlmAnswer | null = null;
    const llmText = p.kind === 'text' ? p.text : meta?.title ? [meta.artists?.join(', '), meta.title].filter(Boolean).join(' - ') : null;
    if (!run.parts.has('deezer') && !run.parts.has('itunes') && llmText && this.deps.llms.length) {
      const t0 = Date.now();
      for (const ask of this.deps.llms) {
        // The SDKs' own timeouts start after their lazy import and may not stop at our signal: the budget decides.
        llm = await untilAborted(ask(llmText, signal), signal).catch(() => null);
        if (llm) break;
      }
      run.timings.llm = Date.now() - t0;
      if (llm) {
        const q = { artist: llm.artist, title: llm.title, durationSec: duration };
        run.add({ ...emptyTrack('groq'), title: llm.title, artists: [llm.artist] }, 'llm');
        const [d, i] = await Promise.all([run.timed('deezer', () => deezer.search(q, signal)), run.timed('itunes', () => itunes.search(q, signal))]);
        if (d) run.add(d, 'isrc');
        if (i) run.add(i, 'isrc');
      }
    }
    // Nothing knew it and no LLM: match on the text itself.
    if (!run.parts.size && text) run.add({ ...emptyTrack('page'), title: text.title, artists: text.artist ? [text.artist] : [] }, 'search');
    return { odesli: od.m, odesliFromAuthority: od.fromAuthority, llm };
  }

  private fromRegistry(run: Run, cached: NonNullable<Awaited<ReturnType<Registry['getByIsrc']>>>): ResolveResult {
    const t = cached.track;
    run.opts.emit?.({ provider: 'registry', level: 'registry', track: t, match: cached.match });
    this.deps.log({ level: 'info', event: 'registry.hit', isrc: t.isrc, verifiedBy: cached.verifiedBy });
    if (t.isrc && t.title) {
      const isrc = t.isrc;
      const job = refreshPreview(this.deps, { isrc, title: t.title, artists: t.artists, durationSec: t.durationSec }, this.deps.previewRefreshMs ?? 3000).then(async (fresh) => {
        this.deps.log({ level: fresh ? 'info' : 'warn', event: 'preview.refresh', provider: fresh?.provider ?? 'none' });
        if (!fresh) return;
        await this.deps.registry.updatePreview(isrc, fresh.previewUrl);
        run.opts.emit?.({ provider: fresh.provider, level: 'registry', track: { previewUrl: fresh.previewUrl } });
      });
      this.background.add(job);
      void job.finally(() => this.background.delete(job));
    }
    return this.finish(run, t, { title: 'registry' }, 'registry', true, cached.match, [cached.match]);
  }

  private finish(
    run: Run,
    track: TrackInfo,
    sources: Record<string, string>,
    level: ResolveLevel,
    verified: boolean,
    match: MatchCandidate | null,
    candidates: MatchCandidate[],
  ): ResolveResult {
    run.timings.total = Date.now() - run.started;
    this.deps.log({ level: 'info', event: 'resolve.done', level_: level, verified, matched: match !== null, ms: run.timings.total });
    return {
      ...track,
      level,
      verified,
      match,
      candidates: candidates.map((c) => ({ id: c.id, title: c.title, score: c.score, url: c.url, channel: c.channel, durationSec: c.durationSec })),
      timingsMs: run.timings,
      sources,
    };
  }
}

/** Nobody named the track: not_found only when every provider asked answered "unknown". */
function noTrack(run: Run, also?: string): NexError {
  if (!run.failures.length) return new NexError('resolver.not_found', 'No provider knows this track.', { timingsMs: run.timings });
  const who = [...new Set(run.failures.map((f) => `${f.provider} (${f.reason})`))].join(', ');
  return new NexError('resolver.provider', `The music services needed for this link failed or did not answer in time: ${who}${also ? `; ${also}` : ''}.`, { failures: run.failures, timingsMs: run.timings });
}

function overrideCandidate(id: string, url: string): MatchCandidate {
  return { id, url, title: '(your choice)', channel: null, durationSec: null, score: 1, foundBy: 'override' };
}
