/** What "Resolve this track" sends to the host, from a menu click or the shortcut (pure). */
import { isMusicLink } from '../../shared/music-link.js';
import type { PageTrackMeta } from '../../shared/protocol/track.js';

export interface ResolveClick {
  linkUrl?: string;
  selectionText?: string;
  pageUrl?: string;
}

export interface ResolveTarget {
  input: string;
  meta: PageTrackMeta | null;
}

/**
 * A link wins, then selected text, then the page. The page's own metadata goes along when the input
 * is the page; a page that is not a known music link but describes a track (a mirror, an embed
 * host) is resolved as "Artists - Title" text with that metadata.
 */
export function resolveTarget(click: ResolveClick, pageTrack: PageTrackMeta | null): ResolveTarget | null {
  const link = click.linkUrl?.trim();
  if (link && link !== click.pageUrl) return { input: link.slice(0, 4096), meta: null };
  const text = click.selectionText?.replace(/\s+/g, ' ').trim();
  if (text) return { input: text.slice(0, 4096), meta: null };
  const page = (link ?? click.pageUrl)?.trim();
  if (page && isMusicLink(page)) return { input: page.slice(0, 4096), meta: pageTrack };
  if (pageTrack?.title) {
    const artists = pageTrack.artists?.join(', ');
    return { input: (artists ? `${artists} - ${pageTrack.title}` : pageTrack.title).slice(0, 4096), meta: pageTrack };
  }
  return page ? { input: page.slice(0, 4096), meta: null } : null;
}
