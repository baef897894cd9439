/**
 * The background's "Resolve this album / playlist" service: one session per album window, fed by the
 * host's `resolve.collection` events, and the window's commands ("Download album" sends the `batch`
 * request built by shared/album-batch.ts; "Not this one?" picks another candidate for one track).
 */
import { albumBatch } from '../../shared/album-batch.js';
import type { CollectionListing, CollectionTrack, ErrorPayload, Event, PresetId, ResolvedCollection } from '../../shared/protocol/index.js';
import type { HostClient } from '../host/client.js';
import { asErrorPayload } from '../host/errors.js';
import type { AlbumCommand, AlbumView } from '../album-messages.js';

interface AlbumSession {
  id: string;
  input: string;
  requestId: string;
  status: AlbumView['status'];
  listing: CollectionListing | null;
  tracks: (CollectionTrack | null)[];
  error: ErrorPayload | null;
  batch: AlbumView['batch'];
}

let seq = 0;

export type AlbumService = ReturnType<typeof createAlbumService>;

export function createAlbumService(client: HostClient) {
  const sessions = new Map<string, AlbumSession>();
  const byRequest = (requestId: string) => [...sessions.values()].find((s) => s.requestId === requestId);

  client.onEvent((e: Event) => {
    if (e.event === 'resolve.collection.listing') {
      const s = byRequest(e.requestId);
      if (s) Object.assign(s, { listing: e.listing, status: 'resolving', tracks: e.listing.entries.map(() => null) });
    } else if (e.event === 'resolve.collection.track') {
      const s = byRequest(e.requestId);
      if (s && e.index < s.tracks.length) s.tracks[e.index] = e.track;
    }
  });

  const collection = (s: AlbumSession): ResolvedCollection | null => {
    if (!s.listing || s.tracks.some((t) => !t)) return null;
    const { entries: _e, ...meta } = s.listing;
    return { ...meta, tracks: s.tracks as CollectionTrack[] };
  };

  const commands: { [K in AlbumCommand['type']]: (s: AlbumSession, msg: Extract<AlbumCommand, { type: K }>) => void } = {
    download: (s, msg) => {
      const c = collection(s);
      if (!c) return;
      let batch;
      try {
        batch = albumBatch(c, msg.preset as PresetId);
      } catch (e) {
        s.batch = { status: 'failed', error: asErrorPayload(e) };
        return;
      }
      s.batch = { status: 'sending' };
      const { type: _type, ...params } = batch;
      void client.request('batch', params).then(
        (r) => (s.batch = { status: 'sent', jobId: r.jobId }),
        (e: unknown) => (s.batch = { status: 'failed', error: asErrorPayload(e) }),
      );
    },
    pick: (s, msg) => {
      const t = s.tracks[msg.index];
      const cand = t?.result?.candidates.find((c) => c.url === msg.videoUrl);
      if (!t?.result || !cand) return;
      t.result = { ...t.result, match: { ...cand, foundBy: 'you' }, verified: false };
      void client.request('resolve.override', { input: t.link ?? t.title, isrc: t.isrc, videoUrl: msg.videoUrl }).catch(() => undefined);
    },
  };

  return {
    start(input: string, page?: { title: string | null; rows: { title: string; artists: string[]; durationSec: number | null }[] }): string {
      const id = `album-${Date.now().toString(36)}-${++seq}`;
      const s: AlbumSession = { id, input, requestId: `${id}-r`, status: 'listing', listing: null, tracks: [], error: null, batch: { status: 'idle' } };
      sessions.set(id, s);
      void client
        .request('resolve.collection', { input, ...(page && { page }) }, { id: s.requestId, timeoutMs: 10 * 60_000 })
        .then((r) => Object.assign(s, { status: 'done', listing: { ...r, entries: r.tracks }, tracks: r.tracks }))
        .catch((e: unknown) => Object.assign(s, { status: 'failed', error: asErrorPayload(e) }));
      return id;
    },
    view(id: string): AlbumView | null {
      const s = sessions.get(id);
      if (!s) return null;
      const { requestId: _r, listing, ...rest } = s;
      return { ...rest, listing: listing ? { ...listing, entries: [] } : null, entries: listing?.entries ?? [] };
    },
    command(id: string, msg: AlbumCommand): void {
      const s = sessions.get(id);
      if (s) (commands[msg.type] as (s: AlbumSession, m: AlbumCommand) => void)(s, msg);
    },
  };
}
