/**
 * Lyrics for an audio download: LRCLIB asked with the official tags (or the source's title) and the
 * source's duration, when the lyrics option is on. Never fails a download: no answer = no lyrics.
 */
import { presetSpec } from '../../shared/presets.js';
import type { ConfigStore } from '../config/store.js';
import type { DownloadSpec, LogFn, ProbeDetail } from '../media/types.js';
import { Lrclib } from '../resolver/lrclib.js';

export type LyricsLookup = (spec: DownloadSpec, detail: ProbeDetail, opts: { signal?: AbortSignal; log?: LogFn }) => Promise<string | undefined>;

export function createLyricsLookup(config: ConfigStore, fetchImpl?: typeof fetch): LyricsLookup {
  let client: { url: string; lrclib: Lrclib } | null = null;
  const get = (url: string) => (client?.url === url ? client.lrclib : (client = { url, lrclib: new Lrclib({ baseUrl: url, fetch: fetchImpl }) }).lrclib);
  return async (spec, detail, { signal, log }) => {
    const c = config.get();
    if (!c.lyrics || spec.lyrics !== undefined || presetSpec(spec.preset).kind !== 'audio') return spec.lyrics;
    const info = detail.info as { track?: unknown; artist?: unknown; album?: unknown };
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
    const title = spec.tags?.title ?? str(info.track);
    const artist = spec.tags?.artist?.split(', ')[0] ?? str(info.artist);
    const durationSec = detail.result.durationSec;
    // Without a real artist and title (a plain video page) a lookup would guess: ask nothing.
    if (!title || !artist || !durationSec) return undefined;
    const r = await get(c.apis.lrclib).get({ title, artist, album: spec.tags?.album ?? str(info.album), durationSec }, signal);
    if (r.ok) log?.({ source: 'host', level: 'info', text: `Lyrics from LRCLIB (${r.value.synced ? 'synced' : 'plain'})` });
    else log?.({ source: 'host', level: 'debug', text: `No lyrics from LRCLIB: ${r.error.message}` });
    return r.ok ? r.value.text : undefined;
  };
}
