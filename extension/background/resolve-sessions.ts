/**
 * Resolve sessions keyed by id (the id of the resolve request that started them), so a track view
 * can close and reopen on the same lookup, and `resolve.partial` events find their session.
 */
import type { ErrorPayload, EventOf, MatchCandidate, PageTrackMeta, ResolveResult, TrackInfo } from '../../shared/protocol/index.js';

export interface ResolveSession {
  id: string;
  input: string;
  meta: PageTrackMeta | null;
  /** The request in flight (a retry sends a new one under a new id). */
  requestId: string;
  status: 'resolving' | 'done' | 'error';
  track: Partial<TrackInfo>;
  level: ResolveResult['level'] | null;
  providers: string[];
  verified: boolean;
  match: MatchCandidate | null;
  picked: boolean;
  candidates: ResolveResult['candidates'];
  error: ErrorPayload | null;
  override: { status: 'idle' | 'saving' | 'saved' | 'failed'; error?: ErrorPayload };
  jobId: string | null;
  timingsMs?: Record<string, number>;
}

/** Fields that carry a value (a provider's null or undefined must not erase what another said). */
function known<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && !(Array.isArray(v) && v.length === 0))) as Partial<T>;
}

/** The page's own meta as a first, partial track. */
function fromMeta(meta: PageTrackMeta | null): Partial<TrackInfo> {
  if (!meta) return {};
  return known({ title: meta.title, artists: meta.artists, album: meta.album, durationSec: meta.durationSec, isrc: meta.isrc, artworkUrl: meta.artworkUrl });
}

/** Sessions kept per worker lifetime; the oldest go first past `max`. */
export class ResolveSessions {
  private readonly sessions = new Map<string, ResolveSession>();
  private readonly listeners = new Set<(id: string) => void>();
  private seq = 0;

  constructor(private readonly max = 20) {}

  create(input: string, meta: PageTrackMeta | null): ResolveSession {
    const id = `t${Date.now().toString(36)}${(++this.seq).toString(36)}`;
    const s: ResolveSession = {
      id,
      input,
      meta,
      requestId: id,
      status: 'resolving',
      track: fromMeta(meta),
      level: null,
      providers: [],
      verified: false,
      match: null,
      picked: false,
      candidates: [],
      error: null,
      override: { status: 'idle' },
      jobId: null,
    };
    this.sessions.set(id, s);
    for (const old of [...this.sessions.keys()].slice(0, Math.max(0, this.sessions.size - this.max))) this.sessions.delete(old);
    this.changed(id);
    return s;
  }

  get(id: string): ResolveSession | undefined {
    return this.sessions.get(id);
  }

  /** A new request for the same session (retry): forget what the last one said, keep the page's meta. */
  restart(s: ResolveSession): string {
    const requestId = `${s.id}.${++this.seq}`;
    Object.assign(s, { requestId, status: 'resolving', track: fromMeta(s.meta), level: null, providers: [], error: null, candidates: [] });
    if (!s.picked) s.match = null;
    this.changed(s.id);
    return requestId;
  }

  /** A provider answered: hydrate or refine. Arrives before the result, and after it for a registry hit's fresh preview. */
  partial(e: EventOf<'resolve.partial'>): void {
    const s = [...this.sessions.values()].find((x) => x.requestId === e.requestId);
    if (!s) return;
    s.track = { ...s.track, ...known(e.track) };
    if (s.status === 'resolving') s.level = e.level;
    if (!s.providers.includes(e.provider)) s.providers.push(e.provider);
    if (e.match && !s.picked) s.match = e.match;
    this.changed(s.id);
  }

  result(requestId: string, r: ResolveResult): void {
    const s = [...this.sessions.values()].find((x) => x.requestId === requestId);
    if (!s) return;
    const { level, verified, match, candidates, timingsMs, sources: _sources, ...track } = r;
    // The final answer is authoritative, except a preview URL a late partial already refreshed.
    s.track = { ...s.track, ...known(track), ...(s.track.previewUrl && !track.previewUrl ? { previewUrl: s.track.previewUrl } : {}) };
    Object.assign(s, { status: 'done', level, verified, candidates, timingsMs, error: null });
    if (!s.picked) s.match = match;
    this.changed(s.id);
  }

  failed(requestId: string, error: ErrorPayload): void {
    const s = [...this.sessions.values()].find((x) => x.requestId === requestId);
    if (!s) return;
    Object.assign(s, { status: 'error', error });
    this.changed(s.id);
  }

  /** The user picked another source: it is the match from now on (unverified: it is their word). */
  pick(s: ResolveSession, match: MatchCandidate): void {
    Object.assign(s, { match, picked: true, override: { status: 'saving' } });
    this.changed(s.id);
  }

  changed(id: string): void {
    for (const l of this.listeners) l(id);
  }

  onChange(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
