/** Subtitle choice, chapter cleaning and the extra ffmpeg arguments, on info dicts in yt-dlp's shapes. */
import { describe, expect, it } from 'vitest';
import { cleanChapters, ffmetadata } from '../../../../native-host/media/chapters.js';
import { buildFfmpegArgs } from '../../../../native-host/media/ffmpeg-args.js';
import { mediaExtras } from '../../../../native-host/media/probe-extras.js';
import { chooseSubtitles, iso639_2, listSubtitles } from '../../../../native-host/media/subtitles.js';
import { InfoDict } from '../../../../native-host/media/ytdlp-info.js';

// YouTube-like: manual en (vtt + json3), auto-captions with a readable de and an unreadable-only ja, and live_chat.
const info = InfoDict.parse({
  id: 'x',
  title: 't',
  duration: 100,
  subtitles: {
    en: [{ ext: 'json3', url: 'https://s.example/en.json3', name: 'English' }, { ext: 'vtt', url: 'https://s.example/en.vtt', name: 'English' }],
    live_chat: [{ ext: 'json', url: 'https://s.example/chat' }],
    'pt-BR': [{ ext: 'srt', url: 'https://s.example/pt.srt' }],
  },
  automatic_captions: { de: [{ ext: 'vtt', url: 'https://s.example/de.vtt', name: 'German' }], ja: [{ ext: 'srv3', url: 'https://s.example/ja' }], en: [{ ext: 'vtt', url: 'https://s.example/en-auto.vtt' }] },
  chapters: [{ start_time: 0, end_time: 10, title: 'A' }],
  live_status: 'not_live',
});

describe('subtitles', () => {
  it('lists readable languages, people-made before automatic, without live chat', () => {
    expect(listSubtitles(info)).toEqual([
      { lang: 'en', name: 'English', auto: false },
      { lang: 'pt-BR', name: 'pt-BR', auto: false },
      { lang: 'de', name: 'German', auto: true },
    ]);
    expect(mediaExtras(info)).toMatchObject({ live: 'not_live', chapters: [{ startSec: 0, endSec: 10, title: 'A' }] });
  });

  it("chooses vtt over json3, manual over automatic; 'all' means the people-made ones", () => {
    expect(chooseSubtitles(info, ['en', 'de'])).toMatchObject([
      { lang: 'en', url: 'https://s.example/en.vtt', format: 'webvtt', auto: false },
      { lang: 'de', auto: true },
    ]);
    expect(chooseSubtitles(info, 'all').map((s) => s.lang)).toEqual(['en', 'pt-BR']);
    expect(() => chooseSubtitles(info, ['ja'])).toThrow(/No subtitles in ja here; this source has en, pt-BR, de \(auto\)/);
    expect(iso639_2('pt-BR')).toBe('por');
    expect(iso639_2('xx')).toBe('und');
  });
});

describe('chapters', () => {
  it('drops absurd ones, sorts, cuts overlaps, clips to the duration', () => {
    const raw = [{ start_time: 50, end_time: 500, title: 'Late' }, { start_time: 0, end_time: 60, title: 'First\nline' }, { start_time: -1, title: 'neg' }, { start_time: 200, title: 'past end' }, 'junk', { start_time: 10, end_time: 10 }];
    // First is cut back to the zero-length one at 10, which then has no length and goes.
    expect(cleanChapters(raw, 100)).toEqual([
      { startSec: 0, endSec: 10, title: 'First line' },
      { startSec: 50, endSec: 100, title: 'Late' },
    ]);
    expect(cleanChapters([{ start_time: 0 }, { start_time: 5 }], 8)).toEqual([
      { startSec: 0, endSec: 5, title: 'Chapter 1' },
      { startSec: 5, endSec: 8, title: 'Chapter 2' },
    ]);
    expect(cleanChapters({ not: 'a list' }, 10)).toEqual([]);
  });

  it('writes FFMETADATA with its escapes', () => {
    expect(ffmetadata([{ startSec: 1.5, endSec: 3, title: 'a=b;c#d\\e' }])).toBe(';FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=1500\nEND=3000\ntitle=a\\=b\\;c\\#d\\\\e\n');
  });
});

describe('ffmpeg arguments', () => {
  const subtitles = chooseSubtitles(info, ['en']);
  it('MP4: subtitle URL inputs with the network guard and forced demuxer, mov_text with the language, chapters from a pipe', () => {
    const a = buildFfmpegArgs({ preset: 'best', video: { url: 'https://v/x.mp4', codec: 'h264' }, audio: { url: 'https://v/x.mp4', codec: 'aac' }, output: { kind: 'file', path: '/o.part' }, extras: { subtitles, chaptersFd: 3 } }).join(' ');
    expect(a).toContain('-protocol_whitelist http,https,tcp,tls,crypto,httpproxy -reconnect 1 -reconnect_streamed 1 -reconnect_on_network_error 1 -reconnect_delay_max 4 -rw_timeout 15000000 -f webvtt -i https://s.example/en.vtt');
    expect(a).toContain('-protocol_whitelist pipe -f ffmetadata -i pipe:3');
    expect(a).toContain('-map 1:s:0');
    expect(a).toContain('-map_metadata:g -1 -map_metadata:s -1 -map_chapters 2');
    expect(a).toContain('-metadata:s:s:0 language=eng -metadata:s:s:0 title=English -c:s mov_text');
  });

  it('MP3 gets neither; M4A gets chapters only', () => {
    const mp3 = buildFfmpegArgs({ preset: 'mp3-320', audio: { url: 'https://v/a.m4a' }, output: { kind: 'file', path: '/o.part' }, extras: { subtitles, chaptersFd: 3 } }).join(' ');
    expect(mp3).not.toMatch(/webvtt|ffmetadata|mov_text/);
    expect(mp3).toContain('-map_metadata -1 -map_chapters -1');
    const m4a = buildFfmpegArgs({ preset: 'm4a', audio: { url: 'https://v/a.m4a' }, output: { kind: 'file', path: '/o.part' }, extras: { subtitles, chaptersFd: 3 } }).join(' ');
    expect(m4a).toContain('-f ffmetadata -i pipe:3');
    expect(m4a).not.toContain('mov_text');
  });
});

describe('live sources', () => {
  it('a live stream is refused with media.live, an upcoming one with media.not_started; others pass', async () => {
    const { assertDownloadable } = await import('../../../../native-host/media/probe-extras.js');
    expect(() => assertDownloadable({ url: 'u', live: 'is_live' })).toThrow(expect.objectContaining({ code: 'media.live' }));
    expect(() => assertDownloadable({ url: 'u', live: 'is_upcoming' })).toThrow(expect.objectContaining({ code: 'media.not_started' }));
    expect(() => assertDownloadable({ url: 'u', live: 'was_live' })).not.toThrow();
    expect(mediaExtras(InfoDict.parse({ id: 'l', is_live: true })).live).toBe('is_live');
  });
});
