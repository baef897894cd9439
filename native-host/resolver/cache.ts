/**
 * The resolver's use of the registry: the keys an input is found under, serving a hit (with a
 * just-in-time preview refresh in the background), storing a verified match, and the user's
 * overrides (local only: they are not ISRC-verified).
 */
import { youtubeVideoId } from '../../shared/music-link.js';
import { NexError } from '../../shared/errors.js';
import type { MatchCandidate, PageTrackMeta, ResolveLevel, TrackInfo } from '../../shared/protocol/track.js';
import type { CachedTrack, Registry, VerifiedBy } from '../registry/index.js';
import type { Deezer } from './deezer.js';
import { classifyInput, type ResolveInput } from './input.js';
import type { ITunes } from './itunes.js';
import type { OdesliMapping } from './odesli.js';
import { refreshPreview } from './preview-refresh.js';
import type { ResolverLog } from './types.js';

const DEEZER_TRACK_ID = /track\/(\d+)/;

/** Registry keys an input can be found under. */
export function inputKeys(p: ResolveInput, meta?: PageTrackMeta): string[] {
  const keys = p.kind === 'link' ? [`${p.platform}:${p.id}`] : [`text:${p.text.toLowerCase()}`];
  if (meta?.isrc) keys.push(`isrc:${meta.isrc.toUpperCase()}`);
  return keys;
}

/** Deezer's track id from its track link. */
export function deezerTrackId(link: string | null | undefined): string | undefined {
  return link ? DEEZER_TRACK_ID.exec(link)?.[1] : undefined;
}

export interface CacheDeps {
  registry: Registry;
  log: ResolverLog;
  deezer: Deezer;
  itunes: ITunes;
}

/**
 * A registry hit is answered at once; a fresh preview URL is fetched in the background (provider
 * preview links expire), stored, and sent to the caller as a refinement. Returns that work.
 */
export function refreshHitPreview(deps: CacheDeps, cached: CachedTrack, timeoutMs: number, emit?: (u: { provider: string; track: Partial<TrackInfo> }) => void): Promise<void> | null {
  const t = cached.track;
  deps.log({ level: 'info', event: 'registry.hit', isrc: t.isrc, verifiedBy: cached.verifiedBy });
  if (!t.isrc || !t.title) return null;
  const isrc = t.isrc;
  return refreshPreview(deps, { isrc, title: t.title, artists: t.artists, durationSec: t.durationSec }, timeoutMs).then(async (fresh) => {
    deps.log({ level: fresh ? 'info' : 'warn', event: 'preview.refresh', provider: fresh?.provider ?? 'none' });
    if (!fresh) return;
    await deps.registry.updatePreview(isrc, fresh.previewUrl);
    emit?.({ provider: fresh.provider, track: { previewUrl: fresh.previewUrl } });
  });
}

export interface VerifiedMatch {
  track: TrackInfo & { isrc: string; title: string };
  match: MatchCandidate;
  verifiedBy: VerifiedBy;
  level: ResolveLevel;
  /** The input's own keys (text keys are left out: text is not an identity). */
  inputKeys: string[];
  odesli: OdesliMapping | null;
  deezerLink: string | null | undefined;
}

/** Stores a verified match under every key that leads to it: the input's, Odesli's platform ids, Deezer's track id. */
export async function storeVerified(registry: Registry, v: VerifiedMatch): Promise<void> {
  const platformKeys = Object.entries(v.odesli?.ids ?? {}).map(([p, id]) => `${p}:${id}`);
  const deezerId = deezerTrackId(v.deezerLink);
  await registry.putVerified({
    track: v.track,
    match: v.match,
    verifiedBy: v.verifiedBy,
    level: v.level,
    keys: [...v.inputKeys.filter((k) => !k.startsWith('text:')), ...platformKeys, ...(deezerId ? [`deezer:${deezerId}`] : [])],
  });
}

export interface OverrideInput {
  input: string;
  isrc?: string | null;
  videoUrl: string;
}

/** Remembers the user's pick locally (never in a shared registry: it is not ISRC-verified). */
export async function saveOverride(deps: Pick<CacheDeps, 'registry' | 'log'>, o: OverrideInput): Promise<{ saved: boolean }> {
  const parsed = classifyInput(o.input);
  const id = youtubeVideoId(o.videoUrl);
  if (!id) throw new NexError('input.invalid', 'The override must be a YouTube video link.', { videoUrl: o.videoUrl.slice(0, 200) });
  const keys = inputKeys(parsed);
  if (o.isrc) keys.push(`isrc:${o.isrc.toUpperCase()}`);
  const saved = await deps.registry.putOverride({ key: keys[0] ?? o.input, isrc: o.isrc ?? null, videoId: id, videoUrl: o.videoUrl }, keys);
  deps.log({ level: 'info', event: 'override.saved', saved, videoId: id });
  return { saved };
}
