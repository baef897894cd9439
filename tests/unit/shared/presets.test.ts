import { describe, expect, it } from 'vitest';
import { AUDIO_PRESETS, AUDIO_PRESET_IDS, PRESET_IDS, VIDEO_HEIGHTS, VIDEO_PRESET_IDS, presetKind, presetName, presetSpec } from '../../../shared/presets.js';
import { PresetId } from '../../../shared/protocol/index.js';

describe('shared preset vocabulary', () => {
  it('has one mp4 preset per standard height, then the audio presets, in wire order', () => {
    expect(VIDEO_PRESET_IDS).toEqual(['best', ...VIDEO_HEIGHTS.map((h) => `mp4-${h}`)]);
    expect(PRESET_IDS).toEqual([...VIDEO_PRESET_IDS, ...AUDIO_PRESET_IDS]);
    expect(PresetId.options).toEqual([...PRESET_IDS]);
  });

  it('knows every audio preset and nothing else as audio', () => {
    for (const id of PRESET_IDS) expect(presetKind(id)).toBe((AUDIO_PRESET_IDS as readonly string[]).includes(id) ? 'audio' : 'video');
    expect(Object.keys(AUDIO_PRESETS).sort()).toEqual([...AUDIO_PRESET_IDS].sort());
  });

  it('specs and words', () => {
    expect(presetSpec('best')).toMatchObject({ kind: 'video', ext: 'mp4', maxHeight: Infinity });
    expect(presetSpec('flac')).toMatchObject({ kind: 'audio', ext: 'flac', muxer: 'flac' });
    expect(presetName('mp4-720')).toBe('720p MP4');
    expect(presetName('mp3-320')).toBe('MP3 320 kbps');
    expect(presetName('best')).toBe('best quality');
    expect(presetName('weird')).toBe('weird');
  });
});
