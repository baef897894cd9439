/** The background's "Resolve this track" service: runs resolves, keeps their sessions, takes the track view's commands. */
import { youtubeIdCandidate } from '../../shared/music-link.js';
import type { Event, JobInfo } from '../../shared/protocol/index.js';
import type { HostClient } from '../host/client.js';
import { asErrorPayload } from '../host/errors.js';
import type { FromTrackView, TrackSessionView } from '../track-messages.js';
import type { JobStore } from './jobs.js';
import { revealPath } from './reveal.js';
import type { ResolveTarget } from './resolve-input.js';
import { ResolveSessions, type ResolveSession } from './resolve-sessions.js';
import { startTrackDownload } from './track-download.js';

export type TrackService = ReturnType<typeof createTrackService>;
type TrackCommand = Exclude<FromTrackView, { type: 'subscribe' }>;

/** A pasted or picked URL as a match: what we know is only its address. */
function pickedMatch(videoUrl: string, s: ResolveSession) {
  const known = s.candidates.find((c) => c.url === videoUrl);
  const id = (URL.canParse(videoUrl) && youtubeIdCandidate(new URL(videoUrl))) || videoUrl;
  return known ? { ...known, foundBy: 'you' } : { id, url: videoUrl, title: videoUrl, channel: null, durationSec: null, score: 0, foundBy: 'you' };
}

export function createTrackService(client: HostClient, jobs: JobStore) {
  const sessions = new ResolveSessions();

  client.onEvent((e: Event) => {
    if (e.event === 'resolve.partial') sessions.partial(e);
  });

  const run = (s: ResolveSession, requestId: string): void => {
    void client
      .request('resolve', { input: s.input, ...(s.meta ? { meta: s.meta } : {}) }, { id: requestId })
      .then((r) => sessions.result(requestId, r))
      .catch((e: unknown) => sessions.failed(requestId, asErrorPayload(e)));
  };

  const job = (s: ResolveSession): JobInfo | null => (s.jobId ? (jobs.get(s.jobId) ?? null) : null);
  const changed = (s: ResolveSession) => () => sessions.changed(s.id);

  /** The track view's commands, one named handler each (like the host's handler map, not a switch). */
  const commands: { [K in TrackCommand['type']]: (s: ResolveSession, msg: Extract<TrackCommand, { type: K }>) => void } = {
    download: (s, msg) => startTrackDownload(client, jobs, s, msg.preset, changed(s)),
    pick: (s, msg) => {
      sessions.pick(s, pickedMatch(msg.videoUrl, s));
      void client
        .request('resolve.override', { input: s.input, isrc: s.track.isrc ?? null, videoUrl: msg.videoUrl })
        .then(
          () => (s.override = { status: 'saved' }),
          (e: unknown) => (s.override = { status: 'failed', error: asErrorPayload(e) }),
        )
        .finally(changed(s));
    },
    retry: (s) => run(s, sessions.restart(s)),
    cancel: (_s, msg) => void client.request('cancel', { jobId: msg.jobId }).catch(() => undefined),
    reveal: (_s, msg) => void revealPath(client, msg.path),
    dismiss: (s) => {
      if (s.jobId) jobs.dismiss(s.jobId);
      s.jobId = null;
      changed(s)();
    },
  };

  return {
    sessions,

    /** Starts a lookup; the view can subscribe to the returned id at once (page meta is its first paint). */
    start(target: ResolveTarget): ResolveSession {
      const s = sessions.create(target.input, target.meta);
      run(s, s.requestId);
      return s;
    },

    view(id: string): TrackSessionView | null {
      const s = sessions.get(id);
      if (!s) return null;
      const { requestId: _r, jobId: _j, ...rest } = s;
      const host = client.state;
      return { ...rest, job: job(s), host: { status: host.status, ...(host.version ? { version: host.version } : {}), ...(host.error ? { error: host.error } : {}) } };
    },

    command(id: string, msg: TrackCommand): void {
      const s = sessions.get(id);
      if (!s) return;
      (commands[msg.type] as (s: ResolveSession, m: TrackCommand) => void)(s, msg);
    },
  };
}
