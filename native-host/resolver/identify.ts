/**
 * Who is this track? Levels 0-2 of the resolver: Deezer and iTunes at once (level 0, by id, ISRC or
 * search), Odesli for the link's other platforms (level 1), and an LLM only when those left the
 * identity unclear (level 2). Every answer goes into the run as it arrives (the first hydrates).
 */
import type { ResolveLevel } from '../../shared/protocol/track.js';
import { deezerTrackId } from './cache.js';
import type { Deezer } from './deezer.js';
import type { ResolveInput } from './input.js';
import type { ITunes } from './itunes.js';
import type { LlmAnswer, LlmProvider } from './llm.js';
import type { Odesli, OdesliMapping } from './odesli.js';
import type { Run } from './run.js';
import { emptyTrack, type ProviderTrack } from './types.js';
import { untilAborted } from './until-aborted.js';

export interface IdentifyDeps {
  deezer: Deezer;
  itunes: ITunes;
  odesli: Odesli;
  /** In order of preference (Groq, then Gemini); empty when no key is configured. */
  llms: LlmProvider[];
}

export interface Identity {
  odesli: OdesliMapping | null;
  /** The Odesli mapping started at, or agrees with, Deezer's track id (so its YouTube ids can verify a match). */
  odesliFromAuthority: boolean;
  llm: LlmAnswer | null;
}

/** The level the identity came from: an LLM read, a catalogue (ISRC), Odesli alone, or the text itself. */
export function identityLevel(identity: Identity, run: Run): ResolveLevel {
  if (identity.llm) return 'llm';
  if (run.parts.has('deezer') || run.parts.has('itunes')) return 'isrc';
  return run.parts.has('odesli') ? 'odesli' : 'search';
}

/**
 * `llmSignal` ends the LLM level before the whole budget does: the YouTube search still has to run after it,
 * and a slow LLM must not leave it no time at all (default: the resolve's own signal).
 */
export async function identify(deps: IdentifyDeps, p: ResolveInput, run: Run, signal: AbortSignal, llmSignal: AbortSignal = signal): Promise<Identity> {
  const { deezer, itunes, odesli } = deps;
  const meta = run.opts.meta;
  const text = p.kind === 'text' ? { artist: p.artist, title: p.title } : null;
  const hint = meta?.title ? { artist: meta.artists?.[0] ?? null, title: meta.title } : text;
  const duration = meta?.durationSec ?? null;
  if (meta && (meta.title || meta.isrc)) run.add({ ...emptyTrack('page'), title: meta.title ?? null, artists: meta.artists ?? [], album: meta.album ?? null, isrc: meta.isrc ?? null, durationSec: meta.durationSec ?? null, artworkUrl: meta.artworkUrl ?? null }, 'search');

  // Level 1 starts at once for a link; for text it waits for Deezer's link (below). An album's tracks
  // (opts.collection) ask Odesli only when Deezer did not answer: its 10 requests a minute would stall an album.
  const lazy = run.opts.collection === true;
  let odesliStarted: Promise<OdesliMapping | null> | null = null;
  const linkOdesli = () => (p.kind === 'link' && p.platform !== 'deezer' ? (odesliStarted ??= run.timed('odesli', () => odesli.links(p.url, signal))) : null);
  const odesliForLink = lazy ? null : linkOdesli();

  // An album listing named this track already (title, artist, ISRC): neither catalogue is asked again.
  const known = run.opts.known?.isrc && run.opts.known.title ? run.opts.known : null;
  const deezerTask = (async () => {
    let t: ProviderTrack | null = known?.provider === 'deezer' ? known : null;
    if (t) {
      run.add(t, 'isrc');
      return t;
    }
    if (p.kind === 'link' && p.platform === 'deezer') t = await run.timed('deezer', () => deezer.byId(p.id, signal));
    else if (meta?.isrc) t = await run.timed('deezer', () => deezer.byIsrc(meta.isrc ?? '', signal));
    if (!t && hint) t = await run.timed('deezer', () => deezer.search({ ...hint, durationSec: duration }, signal));
    const viaOdesli = t ? null : (odesliForLink ?? (lazy ? linkOdesli() : null));
    if (!t && viaOdesli) {
      const m = await viaOdesli;
      if (m?.ids.deezer) t = await run.timed('deezer', () => deezer.byId(m.ids.deezer ?? '', signal));
      else if (m?.title) t = await run.timed('deezer', () => deezer.search({ artist: m.artist, title: m.title ?? '', durationSec: duration }, signal));
    }
    if (t) run.add(t, 'isrc');
    return t;
  })();

  const itunesTask = (async () => {
    let t: ProviderTrack | null = null;
    if (known) return null;
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
    if (lazy) {
      const d = await deezerTask;
      if (odesliStarted) m = await odesliStarted;
      // Deezer's ISRC is enough to verify through the ISRC search; Odesli only fills a gap.
      if (d?.isrc) return { m, fromAuthority: false };
    }
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
      const deezerId = deezerTrackId(d?.link);
      fromAuthority ||= !!deezerId && m.ids.deezer === deezerId;
      if (m.title) run.add({ ...emptyTrack('odesli'), title: m.title, artists: m.artist ? [m.artist] : [] }, 'odesli');
    }
    return { m, fromAuthority };
  })();

  const [, , od] = await Promise.all([deezerTask, itunesTask, odesliTask]);

  // Level 2 only when levels 0-1 left the identity unclear (no authoritative title), and there is text to read.
  let llm: LlmAnswer | null = null;
  const llmText = p.kind === 'text' ? p.text : meta?.title ? [meta.artists?.join(', '), meta.title].filter(Boolean).join(' - ') : null;
  if (!run.parts.has('deezer') && !run.parts.has('itunes') && llmText && deps.llms.length) {
    const t0 = Date.now();
    for (const ask of deps.llms) {
      // The SDKs' own timeouts start after their lazy import and may not stop at our signal: the budget decides.
      llm = await untilAborted(ask(llmText, llmSignal), llmSignal).catch(() => null);
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
