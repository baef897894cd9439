import { describe, expect, it } from 'vitest';
import { presetSpec } from '../../../../shared/presets.js';
import { chooseFormats, formatHeight, heightTier } from '../../../../native-host/media/presets.js';
import { fmt, loadInfo } from './helpers.js';

const yt = loadInfo('youtube-video.json').formats;
const ids = (s: ReturnType<typeof chooseFormats>) => [s.video?.format_id, s.audio?.format_id];

describe('chooseFormats', () => {
  it('takes the best H.264 at or below the height, plus AAC, for MP4 presets', () => {
    expect(ids(chooseFormats(yt, 'mp4-1080'))).toEqual(['299', '140']);
    expect(ids(chooseFormats(yt, 'mp4-720'))).toEqual(['298', '140']);
    expect(ids(chooseFormats(yt, 'mp4-480'))).toEqual(['135', '140']);
    // 360p: at the same height, fps and codec, a muxed format (one input, no merge) wins.
    expect(ids(chooseFormats(yt, 'mp4-360'))).toEqual(['18', '18']);
  });

  it('best = highest resolution; at equal height and fps the more compatible codec wins (AV1 over VP9)', () => {
    expect(ids(chooseFormats(yt, 'best'))).toEqual(['401', '140']);
    expect(ids(chooseFormats(yt, 'mp4-1440'))).toEqual(['308', '140']);
  });

  it('picks the audio each audio preset can copy, else the richest', () => {
    expect(chooseFormats(yt, 'm4a').audio?.format_id).toBe('140');
    expect(chooseFormats(yt, 'opus').audio?.format_id).toBe('251');
    expect(chooseFormats(yt, 'mp3-320').audio?.format_id).toBe('251');
    expect(chooseFormats(yt, 'flac').audio?.format_id).toBe('251');
  });

  it('uses one muxed format for both streams when that is all there is', () => {
    const muxed = fmt({ format_id: 'm', vcodec: 'avc1', acodec: 'mp4a.40.2', height: 720 });
    const s = chooseFormats([muxed], 'mp4-1080');
    expect(s.video).toBe(muxed);
    expect(s.audio).toBe(muxed);
    expect(chooseFormats([muxed], 'mp3-192').audio).toBe(muxed);
  });

  it('falls back to the smallest video when nothing fits the height', () => {
    const a = fmt({ format_id: 'a', vcodec: 'avc1', acodec: 'none', height: 1080 });
    const b = fmt({ format_id: 'b', vcodec: 'avc1', acodec: 'none', height: 720 });
    expect(chooseFormats([a, b], 'mp4-360').video?.format_id).toBe('b');
  });

  it('fails with media.no_audio / media.no_video when the source cannot give the preset', () => {
    const videoOnly = [fmt({ format_id: 'v', vcodec: 'avc1', acodec: 'none', height: 360 })];
    const audioOnly = [fmt({ format_id: 'a', vcodec: 'none', acodec: 'opus', ext: 'webm' })];
    expect(() => chooseFormats(videoOnly, 'mp3-320')).toThrow(expect.objectContaining({ code: 'media.no_audio' }));
    expect(() => chooseFormats(audioOnly, 'mp4-720')).toThrow(expect.objectContaining({ code: 'media.no_video' }));
    // A video-only source still makes a (silent) video.
    expect(chooseFormats(videoOnly, 'best').audio).toBeUndefined();
  });

  it('treats formats with unknown codecs as possibly having both streams', () => {
    const unknown = fmt({ format_id: 'x' });
    expect(chooseFormats([unknown], 'mp3-320').audio).toBe(unknown);
    expect(chooseFormats([unknown], 'best').video).toBe(unknown);
  });
});

describe('preset helpers', () => {
  it('maps presets to muxers and extensions', () => {
    expect(presetSpec('m4a')).toMatchObject({ ext: 'm4a', muxer: 'ipod', kind: 'audio' });
    expect(presetSpec('mp4-720')).toMatchObject({ ext: 'mp4', muxer: 'mp4', maxHeight: 720 });
    expect(presetSpec('opus')).toMatchObject({ ext: 'opus', muxer: 'opus' });
  });

  it('counts a vertical video by its short side and rounds near-standard heights', () => {
    expect(formatHeight({ width: 1080, height: 1920 })).toBe(1080);
    expect(heightTier(1076)).toBe(1080);
    expect(heightTier(800)).toBe(720);
    expect(heightTier(240)).toBeNull();
  });
});
