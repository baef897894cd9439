import { describe, expect, it } from 'vitest';
import { ProbeResult } from '../../../../shared/protocol/index.js';
import { durationFromFragments } from '../../../../native-host/media/enrich.js';
import { buildPresets, humanSize, toProbeResult } from '../../../../native-host/media/probe-map.js';
import { parseInfoJson, rawFormats, thumbnailUrl } from '../../../../native-host/media/ytdlp-info.js';
import { fmt, loadInfo } from './helpers.js';

describe('toProbeResult (YouTube-shaped -J)', () => {
  const { info, formats } = loadInfo('youtube-video.json');
  const r = toProbeResult('https://www.youtube.com/watch?v=dQw4w9WgXcQ', info, formats);

  it('is a valid ProbeResult', () => {
    expect(ProbeResult.safeParse(r).success).toBe(true);
    expect(r).toMatchObject({ title: expect.stringContaining('Never Gonna'), durationSec: 212, uploader: 'Rick Astley', extractor: 'youtube' });
    expect(r.thumbnail).toMatch(/maxresdefault\.webp$/);
  });

  it('maps formats by kind and drops storyboards', () => {
    expect(r.formats.find((f) => f.id === 'sb0')).toBeUndefined();
    expect(r.formats.find((f) => f.id === '140')).toMatchObject({ kind: 'audio', acodec: 'mp4a.40.2', abr: 129.5, filesize: 3433331 });
    expect(r.formats.find((f) => f.id === '299')).toMatchObject({ kind: 'video', height: 1080, fps: 60, vcodec: 'avc1.64002a' });
    expect(r.formats.find((f) => f.id === '18')).toMatchObject({ kind: 'muxed', filesize: 13332150 });
    expect(r.formats.find((f) => f.id === '140')?.vcodec).toBeUndefined();
  });

  it('offers every height the source has, best, the audio presets, and defaults to 1080p', () => {
    expect(r.presets.map((p) => p.id)).toEqual(['best', 'mp4-2160', 'mp4-1440', 'mp4-1080', 'mp4-720', 'mp4-480', 'mp4-360', 'mp3-320', 'mp3-192', 'm4a', 'opus', 'flac']);
    expect(r.presets.filter((p) => p.default).map((p) => p.id)).toEqual(['mp4-1080']);
    const p1080 = r.presets.find((p) => p.id === 'mp4-1080');
    // 299 (79.25 MB) + 140 (3.43 MB)
    expect(p1080).toMatchObject({ label: '1080p60 · MP4 · ~83 MB', height: 1080, fps: 60, approxSize: 79250000 + 3433331 });
    expect(r.presets.find((p) => p.id === 'mp3-320')?.label).toBe('MP3 · 320 kbps · ~8.5 MB');
    expect(r.presets.find((p) => p.id === 'm4a')?.approxSize).toBe(3433331);
  });
});

describe('buildPresets', () => {
  it('audio-only sources get audio presets only, defaulting to MP3', () => {
    const p = buildPresets([fmt({ format_id: 'mp3', vcodec: 'none', acodec: 'mp3', abr: 128, ext: 'mp3' })], 60);
    expect(p.map((x) => x.id)).toEqual(['mp3-320', 'mp3-192', 'm4a', 'opus', 'flac']);
    expect(p.find((x) => x.default)?.id).toBe('mp3-320');
  });

  it('video without audio gets no audio presets; unknown heights get only best', () => {
    const p = buildPresets([fmt({ format_id: 'v', vcodec: 'avc1', acodec: 'none', height: 720, fps: 30 })], 10);
    expect(p.map((x) => x.id)).toEqual(['best', 'mp4-720']);
    expect(p.find((x) => x.id === 'mp4-720')?.label).toBe('720p · MP4');
    expect(buildPresets([fmt({ format_id: 'u' })], null).map((x) => x.id)).toEqual(['best', 'mp3-320', 'mp3-192', 'm4a', 'opus', 'flac']);
  });

  it('estimates size from bitrate x duration when no size is stated', () => {
    const p = buildPresets([fmt({ format_id: 'v', vcodec: 'avc1', acodec: 'mp4a.40.2', height: 480, tbr: 1000 })], 80);
    expect(p.find((x) => x.id === 'mp4-480')?.approxSize).toBe(10_000_000);
  });

  it('formats sizes for people', () => {
    expect(humanSize(45_300_000)).toBe('45 MB');
    expect(humanSize(8_480_000)).toBe('8.5 MB');
    expect(humanSize(2_100_000_000)).toBe('2.1 GB');
    expect(humanSize(900)).toBe('1 KB');
  });
});

describe('tolerating what yt-dlp leaves out', () => {
  it('a generic direct link: one format, no codecs, no duration', () => {
    const { info, formats } = loadInfo('generic-direct.json');
    const r = toProbeResult(info.webpage_url ?? '', info, formats);
    expect(r.formats).toEqual([{ id: 'mp4', kind: 'muxed', ext: 'mp4', protocol: 'http' }]);
    expect(r.durationSec).toBeNull();
    expect(r.presets.map((p) => p.id)).toContain('best');
  });

  it('DASH fragments give the duration', () => {
    const { formats } = loadInfo('generic-dash-segmented.json');
    expect(durationFromFragments(formats)).toBeCloseTo(4, 1);
  });

  it('wrong types become null rather than failing the whole probe', () => {
    const info = parseInfoJson(JSON.stringify({ title: 'x', duration: 'long', formats: [{ format_id: 7, url: 'https://a/b', height: 'tall', vcodec: 'avc1', acodec: 'none' }, { nonsense: true }] }));
    const f = rawFormats(info);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ format_id: '7', height: null });
    expect(info.duration).toBeNull();
  });

  it('a playlist result yields its first entry; thumbnails fall back to the most preferred', () => {
    const info = parseInfoJson(JSON.stringify({ _type: 'playlist', title: 'Page', entries: [{ id: 'a', formats: [], thumbnails: [{ url: 'https://t/1', preference: 1 }, { url: 'https://t/0', preference: -5 }] }] }));
    expect(info.title).toBe('Page');
    expect(thumbnailUrl(info)).toBe('https://t/1');
  });
});
