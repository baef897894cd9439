// @vitest-environment jsdom
/** The album window's background service and card: events fill the rows, "Download album" sends the batch request. */
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAlbumService } from '../../../../extension/background/album-service.js';
import { AlbumCard } from '../../../../extension/components/AlbumCard.js';
import type { HostClient } from '../../../../extension/host/client.js';
import type { CollectionListing, CollectionTrack, Event } from '../../../../shared/protocol/index.js';

afterEach(cleanup);

const entry = (i: number) => ({ position: i + 1, disc: 1, title: `Track ${i + 1}`, artists: ['The Stand-ins'], durationSec: 200, isrc: `QZAAA260000${i + 1}`, link: `https://www.deezer.com/track/${i + 1}` });
const listing: CollectionListing = { kind: 'album', title: 'Night Signals', artists: ['The Stand-ins'], source: 'deezer', url: 'https://www.deezer.com/album/1', coverUrl: null, date: '2026-03-06', genre: 'Electro', compilation: false, trackTotal: 2, discTotal: 1, entries: [entry(0), entry(1)] };
const resolved = (i: number, matched: boolean): CollectionTrack => ({
  ...entry(i),
  error: null,
  result: {
    title: `Track ${i + 1}`,
    artists: ['The Stand-ins'],
    album: 'Night Signals',
    isrc: entry(i).isrc,
    durationSec: 200,
    artworkUrl: null,
    previewUrl: null,
    level: 'isrc',
    verified: matched,
    match: matched ? { id: `vid${i}aaaaaaa`, url: `https://music.youtube.com/watch?v=vid${i}aaaaaaa`, title: `Track ${i + 1}`, channel: null, durationSec: 200, score: 0.93 } : null,
    candidates: [{ id: `alt${i}aaaaaaa`, url: `https://www.youtube.com/watch?v=alt${i}aaaaaaa`, title: `Track ${i + 1} (live)`, channel: null, durationSec: 260, score: 0.4 }],
    timingsMs: {},
    sources: {},
  },
});

function fakeClient() {
  const listeners: ((e: Event) => void)[] = [];
  const calls: { type: string; params: Record<string, unknown>; id?: string }[] = [];
  let finish: (r: unknown) => void = () => {};
  const client = {
    onEvent: (l: (e: Event) => void) => (listeners.push(l), () => undefined),
    request: vi.fn((type: string, params: Record<string, unknown>, o?: { id?: string }) => {
      calls.push({ type, params, id: o?.id });
      if (type === 'resolve.collection') return new Promise((r) => (finish = r));
      return type === 'batch' ? Promise.reject(Object.assign(new Error('unknown'), { code: 'protocol.unknown_type' })) : Promise.resolve({ saved: true });
    }),
  };
  return { client: client as unknown as HostClient, calls, emit: (e: Event) => listeners.forEach((l) => l(e)), finish: (r: unknown) => finish(r) };
}

describe('album service', () => {
  it('listing and track events fill the view; the final result marks it done; Download album sends the batch request', async () => {
    const f = fakeClient();
    const svc = createAlbumService(f.client);
    const id = svc.start('https://www.deezer.com/album/1');
    const requestId = f.calls[0]?.id ?? '';
    expect(f.calls[0]).toMatchObject({ type: 'resolve.collection', params: { input: 'https://www.deezer.com/album/1' } });
    f.emit({ kind: 'event', event: 'resolve.collection.listing', requestId, listing });
    expect(svc.view(id)).toMatchObject({ status: 'resolving', entries: [{ title: 'Track 1' }, { title: 'Track 2' }], tracks: [null, null] });
    f.emit({ kind: 'event', event: 'resolve.collection.track', requestId, index: 1, track: resolved(1, false) });
    f.emit({ kind: 'event', event: 'resolve.collection.track', requestId, index: 0, track: resolved(0, true) });
    const { entries: _e, ...meta } = listing;
    f.finish({ ...meta, tracks: [resolved(0, true), resolved(1, false)] });
    await new Promise((r) => setTimeout(r, 0));
    expect(svc.view(id)?.status).toBe('done');

    svc.command(id, { type: 'download', preset: 'mp3-320' });
    const batch = f.calls.find((c) => c.type === 'batch');
    expect(batch?.params).toMatchObject({ preset: 'mp3-320', folder: ['The Stand-ins', 'Night Signals'], source: { kind: 'items', items: [{ index: 1, fileStem: '01 - Track 1', url: 'https://music.youtube.com/watch?v=vid0aaaaaaa' }] } });
    await new Promise((r) => setTimeout(r, 0));
    // Until the batch job is merged the host refuses the request: the window says so.
    expect(svc.view(id)?.batch).toMatchObject({ status: 'failed' });

    svc.command(id, { type: 'pick', index: 1, videoUrl: 'https://www.youtube.com/watch?v=alt1aaaaaaa' });
    expect(svc.view(id)?.tracks[1]?.result?.match?.id).toBe('alt1aaaaaaa');
    expect(f.calls.at(-1)).toMatchObject({ type: 'resolve.override', params: { input: 'https://www.deezer.com/track/2', videoUrl: 'https://www.youtube.com/watch?v=alt1aaaaaaa' } });
  });
});

describe('AlbumCard', () => {
  it('lists tracks with match, confidence and "Not this one?"; the download button counts the matched tracks', () => {
    const f = fakeClient();
    const svc = createAlbumService(f.client);
    const id = svc.start('https://www.deezer.com/album/1');
    const requestId = f.calls[0]?.id ?? '';
    f.emit({ kind: 'event', event: 'resolve.collection.listing', requestId, listing });
    f.emit({ kind: 'event', event: 'resolve.collection.track', requestId, index: 0, track: resolved(0, true) });
    const view = svc.view(id);
    if (!view) throw new Error('no view');
    const download = vi.fn();
    const pick = vi.fn();
    render(<AlbumCard view={{ ...view, status: 'done', tracks: [resolved(0, true), resolved(1, false)] }} missing={false} download={download} pick={pick} />);
    expect(document.querySelector('[data-field="title"]')?.textContent).toBe('Night Signals');
    expect(document.querySelector('[data-track="0"] [data-field="confidence"]')?.textContent).toBe('score 0.93');
    expect(document.querySelector('[data-track="0"] [data-field="verified"]')).not.toBeNull();
    expect(document.querySelector('[data-track="1"] [data-field="no-match"]')?.textContent).toBe('no confident match');
    const button = document.querySelector<HTMLButtonElement>('[data-action="download-album"]');
    expect(button?.textContent).toBe('Download album (1 of 2)');
    fireEvent.click(button!);
    expect(download).toHaveBeenCalledWith('mp3-320');
    fireEvent.click(document.querySelectorAll<HTMLButtonElement>('[data-track="1"] button.link')[0]!);
    fireEvent.click(document.querySelector<HTMLButtonElement>('[data-track="1"] [data-field="candidates"] button')!);
    expect(pick).toHaveBeenCalledWith(1, 'https://www.youtube.com/watch?v=alt1aaaaaaa');
  });
});
