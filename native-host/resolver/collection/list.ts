/**
 * An album or playlist link -> its track list. Deezer and Apple Music have keyless APIs; a Spotify or
 * Tidal album goes through Odesli to its Deezer (else Apple) album; what nothing lists (a Spotify
 * playlist) comes from the rows the content script read on the page, and fails plainly without them.
 */
import { NexError } from '../../../shared/errors.js';
import type { CollectionLink } from '../../../shared/collection-link.js';
import type { CollectionListing, PageRow } from '../../../shared/protocol/collection.js';
import type { Deezer } from '../deezer.js';
import type { ITunes } from '../itunes.js';
import type { Odesli } from '../odesli.js';
import type { Result } from '../provider-error.js';
import { deezerAlbum, deezerPlaylist } from './deezer-lists.js';
import { itunesAlbum } from './itunes-lists.js';

export interface ListDeps {
  deezer: Deezer;
  itunes: ITunes;
  odesli: Odesli;
}

/** What the page itself showed (content script), for collections no keyless API lists. */
export interface PageListing {
  title: string | null;
  rows: PageRow[];
}

function unwrap(link: CollectionLink, r: Result<CollectionListing>): CollectionListing {
  if (r.ok) {
    if (r.value.entries.length) return r.value;
    throw new NexError('resolver.collection_empty', `This ${link.kind} has no tracks.`, { service: link.service, kind: link.kind, id: link.id });
  }
  if (r.error.reason === 'not_found') throw new NexError('resolver.collection_empty', `This ${link.kind} is deleted or unknown to ${r.error.provider} (${r.error.message}).`, { service: link.service, kind: link.kind, id: link.id });
  throw new NexError('resolver.provider', `${r.error.provider} could not list this ${link.kind}: ${r.error.message}.`, { failures: [{ provider: r.error.provider, reason: r.error.reason }] });
}

export function fromPage(link: CollectionLink, page: PageListing | undefined): CollectionListing {
  const rows = page?.rows ?? [];
  if (!rows.length) {
    throw new NexError('resolver.collection_unreadable', `No keyless API lists this ${link.service} ${link.kind}, and the page gave no readable track rows.`, { service: link.service, kind: link.kind });
  }
  return {
    kind: link.kind,
    title: page?.title?.trim() || `${link.service} ${link.kind}`,
    artists: [],
    source: 'page',
    url: link.url,
    coverUrl: null,
    date: null,
    genre: null,
    compilation: false,
    trackTotal: rows.length,
    discTotal: 1,
    entries: rows.map((r, i) => ({ position: i + 1, disc: 1, title: r.title, artists: r.artists, durationSec: r.durationSec, isrc: null, link: null })),
  };
}

export async function listCollection(deps: ListDeps, link: CollectionLink, page?: PageListing, signal?: AbortSignal): Promise<CollectionListing> {
  if (link.service === 'deezer') return unwrap(link, await (link.kind === 'album' ? deezerAlbum : deezerPlaylist)(deps.deezer, link.id, signal));
  if (link.service === 'appleMusic') return link.kind === 'album' ? unwrap(link, await itunesAlbum(deps.itunes, link.id, signal)) : fromPage(link, page);
  if (link.kind === 'playlist') return fromPage(link, page);
  // A Spotify or Tidal album: Odesli names the same album on Deezer or Apple Music.
  const m = await deps.odesli.links(link.url, signal);
  if (m.ok && m.value.ids.deezer) return unwrap(link, await deezerAlbum(deps.deezer, m.value.ids.deezer, signal));
  const apple = m.ok ? (m.value.ids.appleMusic ?? m.value.ids.itunes) : undefined;
  if (apple) return unwrap(link, await itunesAlbum(deps.itunes, apple, signal));
  if (page?.rows.length) return fromPage(link, page);
  if (!m.ok && m.error.reason !== 'not_found') throw new NexError('resolver.provider', `Odesli could not map this ${link.service} album: ${m.error.message}.`, { failures: [{ provider: 'odesli', reason: m.error.reason }] });
  throw new NexError('resolver.collection_empty', `Odesli knows no Deezer or Apple Music album for this ${link.service} album.`, { service: link.service, kind: link.kind, id: link.id });
}
