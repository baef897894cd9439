/**
 * The stand-in yt-dlp prints what yt-dlp prints, per kind of request (see its header for the source lines),
 * and the host's parsers read exactly that: bare YouTube Music results, `_extract_video` video results, and
 * watch-page lookups that name track/artists only for auto-generated uploads.
 */
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parseEnrichOutput, enrichArgs } from '../../../../native-host/resolver/ytdlp-enrich.js';
import { isBare } from '../../../../native-host/resolver/match.js';
import { parseSearchOutput, searchArgs } from '../../../../native-host/resolver/youtube-search.js';
import { FAKE_YTDLP, SEARCH_CANDIDATES } from '../../../fixtures/providers/endpoints.js';

const env = { NEXSTREAM_FAKE_SEARCH_CANDIDATES: SEARCH_CANDIDATES };
const run = async (args: string[]) => (await execa(FAKE_YTDLP, args, { env })).stdout;

describe('stand-in yt-dlp', () => {
  it('YouTube Music searches (songs and the ISRC query): id, url and title only', async () => {
    for (const [kind, q] of [['songs', 'Daft Punk - Harder Better Faster Stronger'], ['isrc', 'GBDUW0000059']] as const) {
      const out = await run(searchArgs(kind, q, 20));
      const entries = (JSON.parse(out) as { entries: Record<string, unknown>[] }).entries;
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) expect(Object.keys(e).sort()).toEqual(['_type', 'id', 'ie_key', 'title', 'url']);
      expect(parseSearchOutput(out, kind).every(isBare)).toBe(true);
    }
  });

  it('ytsearchN: what _extract_video gives (duration, channel, views; no artists or album)', async () => {
    const hits = parseSearchOutput(await run(searchArgs('videos', 'Daft Punk - Harder Better Faster Stronger', 20)), 'videos');
    expect(hits[0]).toMatchObject({ id: 'gAjR4_CbPpQ', durationSec: 226, channel: 'Daft Punk', views: 250_000_000, album: null });
    expect(hits[0]?.artists).toBeUndefined();
  });

  it('-J --skip-download: track/artists/album for an auto-generated upload, channel and length for a video', async () => {
    const song = parseEnrichOutput(await run(enrichArgs('https://www.youtube.com/watch?v=yydNF8tuVmU')), 'yydNF8tuVmU');
    expect(song).toMatchObject({ durationSec: 225, channel: 'Daft Punk - Topic', artists: ['Daft Punk'], album: 'Discovery', upload: 'atv' });
    const video = parseEnrichOutput(await run(enrichArgs('https://www.youtube.com/watch?v=gAjR4_CbPpQ')), 'gAjR4_CbPpQ');
    expect(video).toEqual({ durationSec: 226, channel: 'Daft Punk', views: 250_000_000 });
    await expect(run(enrichArgs('https://www.youtube.com/watch?v=XXXXXXXXXXX'))).rejects.toThrow(/Video unavailable/);
  });
});
