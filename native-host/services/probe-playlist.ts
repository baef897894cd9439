/**
 * A probe plus, when it can matter, the page's playlist listing: the one home of "what is at this URL"
 * for the host's probe handler, `nexstream probe` and `nexstream download`. The probe stays
 * `--no-playlist` ("This video"). A listing is one more yt-dlp start, so it runs beside the probe only
 * when the URL names a list (media/playlist-hint.ts), and otherwise only after the probe met a
 * playlist or failed: a single video costs one yt-dlp start.
 */
import { isNexError } from '../../shared/errors.js';
import type { PlaylistInfo, ProbeResult } from '../../shared/protocol/index.js';
import { LIMITS } from '../limits.js';
import { playlistHint, probedFromPlaylist } from '../media/playlist-hint.js';
import type { LogFn, ProbeDetail } from '../media/types.js';
import type { MediaService } from './media-service.js';
import type { Cookie } from '../media/cookies.js';

export type ProbeWithPlaylist = ProbeResult & { playlist?: PlaylistInfo };

type Probed = ProbeDetail | { failed: unknown };

interface ListOpts {
  signal?: AbortSignal;
  log: LogFn;
  all?: boolean;
  noCache?: boolean;
}

function listing(media: MediaService, url: string, opts: ListOpts): Promise<PlaylistInfo | null> {
  return media.playlist(url, { ...(opts.signal && { signal: opts.signal }), log: opts.log, ...(opts.all && { all: true }), ...(opts.noCache && { fresh: true }) }).catch((e: unknown) => {
    opts.log({ source: 'host', level: 'debug', text: `no playlist listing: ${isNexError(e) ? e.code : String(e)}` });
    return null;
  });
}

/** After a probe without a hint: a listing is worth its yt-dlp start only if the probe met a playlist, or failed for a reason a listing might not share. */
function worthListing(p: Probed): boolean {
  if (!('failed' in p)) return probedFromPlaylist(p.info);
  const code = isNexError(p.failed) ? p.failed.code : '';
  // A refusal for capacity (queue full, process cap) says nothing about the URL and must answer at once:
  // a listing behind it would hold the refusal and take the slot the refusal protects.
  return !['job.cancelled', 'media.timeout', 'input.invalid_url', 'job.queue_full', 'host.busy'].includes(code);
}

export async function probeWithPlaylist(media: MediaService, url: string, opts: { signal?: AbortSignal; noCache?: boolean; log: LogFn; all?: boolean; cookies?: Cookie[] }): Promise<ProbeWithPlaylist> {
  const own = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, own.signal]) : own.signal;
  const probed: Promise<Probed> = media.probe(url, { signal, ...(opts.noCache && { noCache: true }), log: opts.log, ...(opts.cookies && { cookies: opts.cookies }) }).catch((e: unknown) => ({ failed: e }));
  let playlist: PlaylistInfo | null;
  let detail: Probed | null;
  if (playlistHint(url)) {
    playlist = await listingUnlessStuck(listing(media, url, opts), probed);
    detail = playlist ? await Promise.race([probed, delay(LIMITS.playlistProbeGraceMs)]) : await probed;
  } else {
    detail = await probed;
    playlist = worthListing(detail) && !opts.signal?.aborted ? await listing(media, url, opts) : null;
  }
  if (playlist && (detail === null || 'failed' in detail) && playlist.entries[0] && !opts.signal?.aborted) {
    // yt-dlp -J on a feed or channel resolves every entry before it answers (minutes for thousands):
    // "This video" is the first entry, so probe that alone.
    own.abort();
    const first = playlist.entries[0];
    const d: Probed = await media.probe(first.url, { ...(opts.signal && { signal: opts.signal }), log: opts.log }).catch((e: unknown) => ({ failed: e }));
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

/**
 * What `nexstream download <url>` downloads: every entry of the playlist at `url`, or null for a single
 * video. A URL that names a list is listed alone: a -J of a feed or channel resolves every entry (CPU the
 * batch's own probes need), and the batch probes its entries itself. Otherwise the warm probe (it adopts
 * the early yt-dlp -J and fills the probe cache the job then reads) decides whether a listing is worth
 * its start; without one (a signed-in job probes privately) the listing decides alone.
 */
export async function downloadListing(media: MediaService, url: string, o: { log: LogFn; warm: boolean }): Promise<PlaylistInfo | null> {
  const opts: ListOpts = { log: o.log, all: true };
  if (!o.warm || playlistHint(url)) return listing(media, url, opts);
  const p: Probed = await media.probe(url, { log: o.log }).catch((e: unknown) => ({ failed: e }));
  return worthListing(p) ? listing(media, url, opts) : null;
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
