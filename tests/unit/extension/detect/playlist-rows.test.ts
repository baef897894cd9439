// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readPlaylistRows } from '../../../../extension/detect/playlist-rows.js';

const spotifyRow = (title: string, artists: string[], dur: string) => `
  <div data-testid="tracklist-row" role="row">
    <div><a data-testid="internal-track-link" href="/track/x"><div>${title}</div></a>
    ${artists.map((a) => `<a href="/artist/${a}">${a}</a>`).join(', ')}</div>
    <div>Album</div><div><div>${dur}</div></div>
  </div>`;

describe('readPlaylistRows', () => {
  it('reads title, artists and duration from Spotify playlist rows, and the page heading', () => {
    document.body.innerHTML = `<h1>Road Trip</h1>${spotifyRow('Copper Rain', ['The Stand-ins', 'Guest'], '3:45')}${spotifyRow('Long Song', ['Band'], '1:02:03')}`;
    expect(readPlaylistRows(document)).toEqual({
      title: 'Road Trip',
      rows: [
        { title: 'Copper Rain', artists: ['The Stand-ins', 'Guest'], durationSec: 225 },
        { title: 'Long Song', artists: ['Band'], durationSec: 3723 },
      ],
    });
  });

  it('a page with nothing readable gives no rows (the host then says so plainly)', () => {
    document.body.innerHTML = '<h1>Playlist</h1><div>Log in to see this playlist</div>';
    expect(readPlaylistRows(document).rows).toEqual([]);
  });
});
