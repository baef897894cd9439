/** Shared yt-dlp runs: requests that arrive together go to one run, each gets its own document back; a failing URL costs only itself. */
import { describe, expect, it } from 'vitest';
import { YtdlpBatcher, parseDocs } from '../../../../../native-host/resolver/collection/ytdlp-batch.js';
import { FAKE_YTDLP, SEARCH_CANDIDATES } from '../../../../fixtures/providers/endpoints.js';

process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
const ARGS = ['--ignore-config', '--no-warnings', '--flat-playlist', '-J', '--playlist-end', '5'];

describe('YtdlpBatcher', () => {
  it('answers three searches from one yt-dlp run, each with its own document', async () => {
    const b = new YtdlpBatcher({ ytdlp: FAKE_YTDLP, max: 3, windowMs: 50 });
    const urls = ['ytsearch5:daft punk one more time', 'ytsearch5:adele hello', 'https://music.youtube.com/search?q=hello#songs'];
    const docs = await Promise.all(urls.map((u) => b.run(ARGS, u, (d) => d.original_url === u)));
    expect(b.runs).toBe(1);
    expect(docs.map((d) => d?.original_url)).toEqual(urls);
  });

  it('a URL yt-dlp cannot answer gets null; the others still get theirs', async () => {
    const b = new YtdlpBatcher({ ytdlp: FAKE_YTDLP, max: 2, windowMs: 50 });
    const [bad, good] = await Promise.all([b.run(ARGS, 'https://example.com/nothing', (d) => d.original_url === 'https://example.com/nothing'), b.run(ARGS, 'ytsearch5:adele hello', (d) => d.original_url === 'ytsearch5:adele hello')]);
    expect(bad).toBeNull();
    expect(good?.title).toBe('adele hello');
  });

  it('different arguments never share a run; an aborted request answers null at once', async () => {
    const b = new YtdlpBatcher({ ytdlp: FAKE_YTDLP, max: 4, windowMs: 30 });
    const ac = new AbortController();
    ac.abort();
    expect(await b.run(ARGS, 'ytsearch5:x', () => true, ac.signal)).toBeNull();
    await Promise.all([b.run(ARGS, 'ytsearch5:a', () => true), b.run([...ARGS.slice(0, -1), '7'], 'ytsearch7:a', () => true)]);
    expect(b.runs).toBe(2);
  });

  it('parseDocs keeps whole JSON objects, one a line, and skips anything else', () => {
    expect(parseDocs('{"a":1}\nWARNING: x\n{"b":2}\n{"trunc')).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
