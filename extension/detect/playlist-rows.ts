/**
 * The rows of a playlist page no keyless API lists (a Spotify playlist): title, artists, duration.
 * Runs in the page through scripting.executeScript, so it is one self-contained function (no imports,
 * no closures); the background validates what it returns (PageRow) like any page input.
 */
export interface RawRow {
  title: string;
  artists: string[];
  durationSec: number | null;
}

export function readPlaylistRows(doc: Document = document): { title: string | null; rows: RawRow[] } {
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const seconds = (s: string) => {
    const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s.trim());
    return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
  };
  // Spotify's track rows; Apple Music's song rows; otherwise ARIA grid rows that link to a track.
  const rowEls = [...doc.querySelectorAll('[data-testid="tracklist-row"], .songs-list-row, [role="row"]:has(a[href*="/track/"])')].slice(0, 2000);
  const rows: RawRow[] = [];
  for (const r of rowEls) {
    const title = text(r.querySelector('a[data-testid="internal-track-link"], .songs-list-row__song-name, a[href*="/track/"]'));
    const artists = [...r.querySelectorAll('a[href*="/artist/"]')].map(text).filter(Boolean);
    const dur = [...r.querySelectorAll('div, span, time')].map(text).reverse().find((t) => seconds(t) !== null);
    if (title) rows.push({ title: title.slice(0, 1000), artists: [...new Set(artists)].slice(0, 50), durationSec: dur ? seconds(dur) : null });
  }
  const h1 = text(doc.querySelector('h1'));
  return { title: h1 ? h1.slice(0, 1000) : null, rows };
}
