// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPreset, orderPresets, presetText } from '../../../../extension/components/presets.js';
import { QualityPicker } from '../../../../extension/components/QualityPicker.js';
import { PRESETS } from './presets.js';

afterEach(cleanup);

describe('preset ordering', () => {
  it('orders video by height (tallest first), then audio MP3 320, MP3 192, M4A, Opus, FLAC', () => {
    const { video, audio } = orderPresets(PRESETS);
    expect(video.map((p) => p.id)).toEqual(['mp4-2160', 'mp4-1080', 'mp4-720', 'mp4-480']);
    expect(audio.map((p) => p.id)).toEqual(['mp3-320', 'mp3-192', 'm4a', 'opus', 'flac']);
  });

  it("puts 'best' first and drops duplicates", () => {
    const { video } = orderPresets([...PRESETS, { id: 'best', label: 'Best', kind: 'video' }, PRESETS[1]!]);
    expect(video.map((p) => p.id)).toEqual(['best', 'mp4-2160', 'mp4-1080', 'mp4-720', 'mp4-480']);
  });

  it('defaults to the host default, else the tallest video up to 1080p, else MP3 320 when audio is preferred', () => {
    expect(defaultPreset(PRESETS)).toBe('mp4-1080');
    expect(defaultPreset(PRESETS, true)).toBe('mp3-320');
    expect(defaultPreset(PRESETS.map((p) => (p.id === 'mp4-720' ? { ...p, default: true } : p)))).toBe('mp4-720');
    expect(defaultPreset(PRESETS.filter((p) => p.kind === 'audio'))).toBe('mp3-320');
    expect(defaultPreset([])).toBeNull();
  });

  it('describes a preset from its fields, without repeating the size the row shows', () => {
    expect(presetText(PRESETS[3]!)).toEqual({ primary: '1080p', detail: '60 fps · MP4' });
    expect(presetText(PRESETS[1]!)).toEqual({ primary: '480p', detail: 'MP4' });
    expect(presetText(PRESETS[4]!)).toEqual({ primary: 'MP3', detail: '320 kbps' });
    expect(presetText(PRESETS[2]!)).toEqual({ primary: 'FLAC (lossless)', detail: '' });
    expect(presetText({ id: 'best', label: 'Best · 360p · MP4', kind: 'video', height: 360, ext: 'mp4' })).toEqual({ primary: 'Best', detail: '360p · MP4' });
  });
});

describe('QualityPicker', () => {
  it('renders video then audio rows in order, with approximate sizes', () => {
    render(<QualityPicker presets={PRESETS} value="mp4-1080" onChange={() => undefined} onDownload={() => undefined} />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['mp4-2160', 'mp4-1080', 'mp4-720', 'mp4-480', 'mp3-320', 'mp3-192', 'm4a', 'opus', 'flac']);
    expect(radios[1]!.checked).toBe(true);
    expect(screen.getByText('~1.5 GB')).toBeTruthy();
    expect(screen.getByText('~46.3 MB')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Audio only' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download 1080p 60 fps · MP4' })).toBeTruthy();
  });

  it('is keyboard operable: radios change the choice, submitting downloads it', () => {
    const onChange = vi.fn();
    const onDownload = vi.fn();
    render(<QualityPicker presets={PRESETS} value="mp3-320" onChange={onChange} onDownload={onDownload} />);
    fireEvent.click(screen.getByRole('radio', { name: /MP3 192 kbps/ }));
    expect(onChange).toHaveBeenCalledWith('mp3-192');
    fireEvent.submit(screen.getByRole('form', { name: 'Quality' }));
    expect(onDownload).toHaveBeenCalledWith('mp3-320');
  });

  it('disables download until something is chosen', () => {
    render(<QualityPicker presets={PRESETS} value={null} onChange={() => undefined} onDownload={() => undefined} />);
    expect((screen.getByRole('button', { name: 'Download' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
