/** Downloads a resolved track: the matched (or picked) source, tagged with the official metadata. */
import type { PresetId } from '../../shared/protocol/index.js';
import type { TrackInfo } from '../../shared/protocol/track.js';
import { tagsFrom } from '../../shared/track-tags.js';
import type { HostClient, RequestParams } from '../host/client.js';
import type { JobStore } from './jobs.js';
import { submitDownload } from './submit-download.js';
import type { ResolveSession } from './resolve-sessions.js';

const asTrack = (t: Partial<TrackInfo>): TrackInfo => ({
  title: t.title ?? null,
  artists: t.artists ?? [],
  album: t.album ?? null,
  isrc: t.isrc ?? null,
  durationSec: t.durationSec ?? null,
  artworkUrl: t.artworkUrl ?? null,
  previewUrl: t.previewUrl ?? null,
  trackNumber: t.trackNumber ?? null,
  releaseDate: t.releaseDate ?? null,
});

/** The download request for a session and preset, or null while there is nothing to download. */
export function trackDownloadRequest(s: ResolveSession, preset: PresetId): RequestParams<'download'> | null {
  if (!s.match) return null;
  const tags = tagsFrom(asTrack(s.track));
  // Like `nexstream download --resolve`: the official title names and tags the file, not the video's.
  return { url: s.match.url, preset, tags, ...(tags.title ? { title: tags.title } : {}) };
}

export function startTrackDownload(client: Pick<HostClient, 'request'>, jobs: JobStore, s: ResolveSession, preset: PresetId, changed: () => void): void {
  const params = trackDownloadRequest(s, preset);
  if (!params) return;
  void submitDownload(client, jobs, params, (jobId) => {
    s.jobId = jobId;
  }).finally(changed);
}
