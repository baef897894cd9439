/**
 * A probe plus, alongside it, the page's playlist listing: the one home of "what is at this URL" for
 * the host's probe handler and `nexstream probe`. The probe stays `--no-playlist` ("This video").
 */
import { isNexError } from '../../shared/errors.js';
import type { PlaylistInfo, ProbeResult } from '../../shared/protocol/index.js';
import type { LogFn } from '../media/types.js';
import type { MediaService } from './media-service.js';

export type ProbeWithPlaylist = ProbeResult & { playlist?: PlaylistInfo };

export async function probeWithPlaylist(media: MediaService, url: string, opts: { signal?: AbortSignal; noCache?: boolean; log: LogFn; all?: boolean }): Promise<ProbeWithPlaylist> {
  const { log } = opts;
  const listing = media.playlist(url, { ...(opts.signal && { signal: opts.signal }), log, ...(opts.all && { all: true }) }).catch((e: unknown) => {
    log({ source: 'host', level: 'debug', text: `no playlist listing: ${isNexError(e) ? e.code : String(e)}` });
    return null;
  });
  const probed = media.probe(url, { ...(opts.signal && { signal: opts.signal }), ...(opts.noCache && { noCache: true }), log }).catch((e: unknown) => ({ failed: e }));
  const [detail, playlist] = await Promise.all([probed, listing]);
  if ('failed' in detail) {
    // A channel tab or feed whose first entry cannot be probed here is still a playlist worth offering.
    if (!playlist) throw detail.failed;
    return { url, title: playlist.title, durationSec: null, thumbnail: null, formats: [], presets: [], playlist };
  }
  return playlist ? { ...detail.result, playlist } : detail.result;
}
