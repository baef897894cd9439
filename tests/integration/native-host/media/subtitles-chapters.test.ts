/**
 * Real yt-dlp + ffmpeg: a local page with <track kind="subtitles"> (yt-dlp's generic extractor reads it into
 * `subtitles`) -> MP4 with a mov_text stream tagged with its language; chapters -> chapter metadata in MP4 and M4A.
 * The chapters come from a stand-in -J: the real yt-dlp info dict of the page plus a `chapters` list in yt-dlp's shape
 * ({start_time, end_time, title}, as extractor/common.py _extract_chapters_* and youtube/_video.py emit them).
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverTools, download, probe } from '../../../../native-host/media/index.js';
import type { ProbeDetail, Tools } from '../../../../native-host/media/types.js';
import { makeMedia } from '../../../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../../../fixtures/media-server.js';
import { collectLog } from './helpers.js';

let dir: string;
let server: MediaServer;
let tools: Tools;
let out: string;
let detail: ProbeDetail;
const url = (p: string) => new URL(p, server.url).href;

const VTT = 'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nHello there\n\n00:00:02.500 --> 00:00:03.500\nSecond line\n';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Subtitled Clip</title></head><body>
<video controls poster="thumb.jpg" src="direct.mp4">
  <track kind="subtitles" srclang="en" label="English" src="en.vtt">
  <track kind="subtitles" srclang="de" label="Deutsch" src="missing-de.vtt">
  <track kind="subtitles" srclang="fr" label="Français" src="html-fr.vtt">
</video></body></html>`;

async function ffprobe(file: string): Promise<{ streams: Array<{ codec_type: string; codec_name: string; tags?: Record<string, string> }>; chapters: Array<{ start_time: string; end_time: string; tags?: { title?: string } }> }> {
  const r = await execa(tools.ffprobe, ['-v', 'error', '-show_streams', '-show_chapters', '-of', 'json', file]);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nexstream-subs-'));
  await Promise.all([makeMedia(dir, 'direct-mp4'), makeMedia(dir, 'thumb')]);
  await writeFile(path.join(dir, 'en.vtt'), VTT);
  // A subtitle URL that answers with an HTML page instead of WebVTT.
  await writeFile(path.join(dir, 'html-fr.vtt'), '<!doctype html><html><body>Please log in</body></html>');
  await writeFile(path.join(dir, 'page.html'), PAGE);
  [server, tools] = await Promise.all([startMediaServer(dir), discoverTools()]);
  detail = await probe(url('page.html'), tools, { noCache: true });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'nexstream-subs-out-'));
  return () => rm(out, { recursive: true, force: true });
});

describe('subtitles', () => {
  it('the probe lists the languages the page offers', () => {
    expect(detail.result.subtitles).toEqual(expect.arrayContaining([{ lang: 'en', name: 'en', auto: false }, { lang: 'de', name: 'de', auto: false }]));
  });

  it('--subs en: one ffmpeg run embeds an English mov_text stream in the MP4', async () => {
    const { log, commands } = collectLog();
    const r = await download({ url: url('page.html'), preset: 'best', outDir: out, subs: ['en'] }, tools, { log }, detail);
    const facts = await ffprobe(r.path);
    const subs = facts.streams.filter((s) => s.codec_type === 'subtitle');
    expect(subs).toEqual([expect.objectContaining({ codec_name: 'mov_text', tags: expect.objectContaining({ language: 'eng' }) })]);
    expect(facts.streams.map((s) => s.codec_type)).toEqual(expect.arrayContaining(['video', 'audio', 'subtitle']));
    expect(commands('ffmpeg')).toHaveLength(1);
  });

  it('a subtitle URL that 404s or returns HTML is dropped with a warning; the video still arrives', async () => {
    for (const lang of ['de', 'fr']) {
      const { log, lines } = collectLog();
      const r = await download({ url: url('page.html'), preset: 'best', outDir: out, subs: [lang] }, tools, { log }, detail);
      expect((await ffprobe(r.path)).streams.filter((s) => s.codec_type === 'subtitle')).toEqual([]);
      expect(lines.some((l) => l.level === 'warn' && l.text.includes(`Subtitles "${lang}" are not webvtt (HTTP ${lang === 'de' ? 404 : 206}`))).toBe(true);
    }
  });

  it('a language the source lacks fails clearly before any file exists', async () => {
    await expect(download({ url: url('page.html'), preset: 'best', outDir: out, subs: ['ja'] }, tools, {}, detail)).rejects.toMatchObject({
      code: 'input.invalid',
      message: expect.stringContaining('No subtitles in ja here; this source has de, en, fr'),
    });
    expect(await readdir(out)).toEqual([]);
  });
});

describe('chapters through a pipe', () => {
  const withChapters = (): ProbeDetail => ({
    ...detail,
    info: {
      ...detail.info,
      chapters: [
        { start_time: 0, end_time: 1.5, title: 'Intro' },
        { start_time: 1.5, end_time: 99, title: 'Main = part; #2' }, // runs past the end: clipped
        { start_time: 1.0, end_time: 1.2, title: 'Overlap' }, // starts inside Intro, which is cut back to 1.0
        { start_time: Number.NaN, end_time: 2, title: 'Absurd' },
      ],
    },
  });

  it.each(['best', 'm4a'] as const)('%s: chapters embedded, titles kept, read from a pipe', async (preset) => {
    const { log, commands } = collectLog();
    const r = await download({ url: url('page.html'), preset, outDir: out }, tools, { log }, withChapters());
    const chapters = (await ffprobe(r.path)).chapters;
    // MP4 stores chapter starts only: each chapter ends where the next begins (Overlap's 1.2 becomes 1.5).
    expect(chapters.map((c) => [Number(c.start_time), Number(c.end_time), c.tags?.title])).toEqual([
      [0, 1, 'Intro'],
      [1, 1.5, 'Overlap'],
      [1.5, expect.closeTo(4, 0), 'Main = part; #2'],
    ]);
    expect(Number(chapters.at(-1)?.end_time)).toBeLessThanOrEqual(4.1);
    // The chapter list goes in on a pipe fd: no metadata file on any command line.
    expect(commands('ffmpeg').join('\n')).toMatch(/-protocol_whitelist pipe -f ffmetadata -i pipe:\d/);
  });
});
