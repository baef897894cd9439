/**
 * When a playlist listing can matter. A listing is one more yt-dlp start (a Python process, most of a
 * short probe's cost), so it runs up front only for URLs that look like a list, and otherwise only once
 * the probe itself says it met a playlist. Pure.
 */

/** Path and query shapes of lists on the sites people use (YouTube, SoundCloud, Bandcamp, Vimeo, ...) and of feeds. */
const PATH_HINTS = [
  /\/playlists?(\/|$)/i,
  /\/(channel|c|user)\/[^/]+/i,
  /^\/@[^/]+(\/(videos|shorts|streams|playlists|featured|podcasts|releases))?\/?$/i,
  /\/sets\/[^/]+/i,
  /\/(album|albums|showcase|collection|series|season|show|shows|podcast|podcasts)\//i,
  /\/(feed|feeds|rss|atom)(\/|\.|$)/i,
  /\.(xml|rss|atom)$/i,
];
const QUERY_HINTS = ['list', 'playlist', 'playlist_id', 'feed', 'format=rss'];

/** The URL names a list (a YouTube `list=`, a channel tab, a feed...): list it beside the probe. */
export function playlistHint(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (PATH_HINTS.some((re) => re.test(u.pathname))) return true;
  const q = u.search.toLowerCase();
  if (QUERY_HINTS.some((k) => (k.includes('=') ? q.includes(k) : u.searchParams.has(k)))) return true;
  return /^(feeds?|rss)\./i.test(u.hostname);
}

/**
 * The probe's info came from a playlist: yt-dlp's generic extractor answers `-J --no-playlist` on a feed
 * or a page with several videos with `_type: playlist`, whose first entry (the probe keeps it, ytdlp-info
 * parseInfoJson) carries the playlist fields yt-dlp adds to every entry; a single video has them null.
 */
export function probedFromPlaylist(info: Record<string, unknown>): boolean {
  return info._type === 'playlist' || info.playlist_index != null || info.playlist_count != null || info.n_entries != null || Array.isArray(info.entries);
}
