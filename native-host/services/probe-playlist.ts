/**
 * A probe plus, alongside it, the page's playlist listing: the one home of "what is at this URL" for
 * the host's probe handler and `nexstream probe`. The probe stays `--no-playlist` ("This video").
 */
import { isNexError } from '../../shared/errors.js';
import type { PlaylistInfo, ProbeResult } from '../../shared/protocol/index.js';
import { LIMITS } from '../limits.js';
import type { LogFn, ProbeDetail } from '../media/types.js';
import type { MediaService } from './media-service.js';
import type { Cookie } from '../media/cookies.js';

export type ProbeWithPlaylist = ProbeResult & { playlist?: PlaylistInfo };

type Probed = ProbeDetail | { failed: unknown };

export async function probeWithPlaylist(media: MediaService, url: string, opts: { signal?: AbortSignal; noCache?: boolean; log: LogFn; all?: boolean; cookies?: Cookie[] }): Promise<ProbeWithPlaylist> {
  const { log } = opts;
  const listing = media.playlist(url, { ...(opts.signal && { signal: opts.signal }), log, ...(opts.all && { all: true }), ...(opts.noCache && { fresh: true }) }).catch((e: unknown) => {
    log({ source: 'host', level: 'debug', text: `no playlist listing: ${isNexError(e) ? e.code : String(e)}` });
    return null;
  });
  const own = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, own.signal]) : own.signal;
  const probed: Promise<Probed> = media.probe(url, { signal, ...(opts.noCache && { noCache: true }), log, ...(opts.cookies && { cookies: opts.cookies }) }).catch((e: unknown) => ({ failed: e }));
  const playlist = await listingUnlessStuck(listing, probed);
  let detail: Probed | null = playlist ? await Promise.race([probed, delay(LIMITS.playlistProbeGraceMs)]) : await probed;
  if (playlist && (detail === null || 'failed' in detail) && playlist.entries[0] && !opts.signal?.aborted) {
    // yt-dlp -J on a feed or channel resolves every entry before it answers (minutes for thousands):
    // "This video" is the first entry, so probe that alone.
    own.abort();
    const first = playlist.entries[0];
    const d: Probed = await media.probe(first.url, { ...(opts.signal && { signal: opts.signal }), log }).catch((e: unknown) => ({ failed: e }));
    // The entry's own URL is often a bare file ("ep1"): the listing's title says more.
    detail = 'failed' in d ? d : { ...d, result: { ...d.result, title: first.title } };
  }
  if (detail === null || 'failed' in detail) {
    // A channel tab or feed whose first entry cannot be probed here is still a playlist worth offering.
    if (!playlist) throw (detail as { failed: unknown } | null)?.failed;
    return { url, title: playlist.title, durationSec: null, thumbnail: null, formats: [], presets: [], playlist };
  }
  return playlist ? { ...detail.result, playlist } : detail.result;
}

// Unref'd: a grace period nobody waits for any more (the probe and listing are done) must not hold a CLI run open.
const delay = (ms: number) => new Promise<null>((r) => setTimeout(() => r(null), ms).unref());

/**
 * The listing, unless it is still silent a grace period after the single-video probe has settled: a server
 * that never answers would otherwise hold the answer for the listing's own (much longer) limit, although the
 * probe already said what there is to say. A real playlist lists its first page long before its probe ends.
 */
export function listingUnlessStuck<T>(listing: Promise<T | null>, probe: Promise<unknown>): Promise<T | null> {
  return Promise.race([listing, probe.then(() => delay(LIMITS.playlistProbeGraceMs))]);
}
