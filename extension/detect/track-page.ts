/**
 * A music site's track page (Spotify, Apple Music, Deezer, SoundCloud, Tidal, YouTube Music): title,
 * artists, album, duration, ISRC and artwork from JSON-LD MusicRecording and og:/music: tags. Found by
 * what the page declares (og:type music.song, a MusicRecording), not by host name, so mirrors work too.
 */
import { PageTrackMeta } from '../../shared/protocol/track.js';
import { parseIsoDuration } from '../../shared/iso-duration.js';
import { absoluteHttpUrl } from './url.js';
import type { Detection, PageDetector } from './types.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const firstUrl = (v: unknown): string | undefined => [v].flat().map((i) => (isObj(i) ? str(i.url) ?? str(i.contentUrl) : str(i))).find(Boolean);
const names = (v: unknown): string[] => [v].flat().map((a) => (isObj(a) ? str(a.name) : str(a))).filter((n): n is string => Boolean(n));

function tag(doc: Document, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = str(doc.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.getAttribute('content'));
    if (v) return v;
  }
  return undefined;
}

function musicRecording(doc: Document): Json | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common
    }
    const all = [data].flat(2).flatMap((n) => (isObj(n) && Array.isArray(n['@graph']) ? [n, ...(n['@graph'] as unknown[])] : [n]));
    const hit = all.find((n) => isObj(n) && [n['@type']].flat().includes('MusicRecording'));
    if (isObj(hit)) return hit;
  }
  return undefined;
}

/** Site title conventions: Apple "T - Song by A - Apple Music", Deezer "T - A", YouTube Music "T - YouTube Music". */
function splitTitle(title: string, host: string): { title: string; artist?: string } {
  const apple = /^(.*?) - (?:Song|Single) by (.*?)(?: - Apple Music)?$/.exec(title);
  if (apple?.[1] && apple[2]) return { title: apple[1], artist: apple[2] };
  if (host.endsWith('deezer.com')) {
    const [t, a] = title.split(' - ');
    if (t && a) return { title: t, artist: a };
  }
  return { title: title.replace(/ - YouTube Music$/, '') };
}

/** Spotify's og:description: "Daft Punk · Discovery · Song · 2001" (artists, album, kind, year). */
function spotifyDescription(desc: string | undefined): { artists?: string[]; album?: string } {
  const parts = desc?.split(' · ').map((p) => p.trim()) ?? [];
  if (parts.length < 3 || parts[2] !== 'Song' || !parts[0]) return {};
  return { artists: parts[0].split(/, /), ...(parts[1] ? { album: parts[1] } : {}) };
}

export const trackPage: PageDetector = {
  name: 'track-page',
  detect(doc: Document, pageUrl: string): Detection {
    const out: Detection = { items: [], meta: {} };
    const host = URL.canParse(pageUrl) ? new URL(pageUrl).hostname : '';
    const ld = musicRecording(doc);
    const isSong = ld || tag(doc, 'og:type') === 'music.song' || (host === 'music.youtube.com' && pageUrl.includes('/watch'));
    if (!isSong) return out;

    const ogTitle = tag(doc, 'og:title', 'twitter:title');
    const split = ogTitle ? splitTitle(ogTitle, host) : undefined;
    const spotify = spotifyDescription(tag(doc, 'og:description'));
    const tagArtist = tag(doc, 'music:musician_description', 'twitter:audio:artist_name');
    const albumTag = tag(doc, 'music:album');
    const duration = Number(tag(doc, 'music:duration', 'og:audio:duration'));
    const raw = {
      title: str(ld?.name) ?? split?.title,
      artists: [names(ld?.byArtist), spotify.artists ?? [], tagArtist ? [tagArtist] : [], split?.artist ? [split.artist] : []].find((a) => a.length),
      // music:album is a link on Spotify and Deezer; only a plain name is useful.
      album: names(ld?.inAlbum)[0] ?? spotify.album ?? (albumTag && !URL.canParse(albumTag) ? albumTag : undefined),
      durationSec: parseIsoDuration(str(ld?.duration)) ?? (Number.isFinite(duration) && duration > 0 ? duration : undefined),
      isrc: str(ld?.isrcCode)?.toUpperCase() ?? tag(doc, 'music:isrc')?.toUpperCase(),
      artworkUrl: absoluteHttpUrl(firstUrl(ld?.image) ?? tag(doc, 'og:image:secure_url', 'og:image', 'twitter:image'), pageUrl) ?? undefined,
    };
    const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
    // Page text is untrusted: what fails the schema (a 10 kB title, a broken duration) is dropped whole.
    const parsed = PageTrackMeta.safeParse(clean);
    if (parsed.success && (parsed.data.title || parsed.data.isrc)) out.track = parsed.data;
    return out;
  },
};
