import { describe, expect, it } from 'vitest';
import { MOOV_TOO_SMALL, moovPlanOf, moovReserveBytes, type MoovPlan } from '../../../../native-host/media/moov-reserve.js';
import type { RawFormat } from '../../../../native-host/media/ytdlp-info.js';

const plan = (p: Partial<MoovPlan> = {}): MoovPlan => ({ durationSec: 120, video: { fps: 30 }, audio: { sampleRate: 48000 }, subtitleTracks: 0, chapters: 0, tagBytes: 0, ...p });
const fmt = (f: Partial<RawFormat>): RawFormat => ({ format_id: 'x', ...f }) as RawFormat;

describe('moovReserveBytes', () => {
  it('sizes the room from the announced samples, about twice what ffmpeg 5.1 writes', () => {
    // 120 s of 30 fps H.264 (B-frames) + 48 kHz AAC, remuxed: ffmpeg 5.1 wrote a 132,730-byte moov (3,600 + 5,626 samples).
    const bytes = moovReserveBytes(plan())!;
    expect(bytes).toBe(65536 + Math.ceil(126 * 30) * 32 + Math.ceil(126 * 46.875) * 24);
    expect(bytes / 132_730).toBeGreaterThan(1.5);
    expect(bytes / 132_730).toBeLessThan(3);
  });

  it('grows with every sample source: frame rate, sample rate, subtitles, chapters, tags', () => {
    const base = moovReserveBytes(plan())!;
    expect(moovReserveBytes(plan({ video: { fps: 60 } }))!).toBeGreaterThan(base);
    expect(moovReserveBytes(plan({ audio: { sampleRate: 96000 } }))!).toBeGreaterThan(base);
    expect(moovReserveBytes(plan({ subtitleTracks: 2 }))! - base).toBe(2 * Math.ceil(126 * 2) * 24);
    expect(moovReserveBytes(plan({ chapters: 10 }))! - base).toBe(10 * 288);
    expect(moovReserveBytes(plan({ tagBytes: 5000 }))! - base).toBe(5000);
  });

  it('an unknown sample rate counts as 96 kHz AAC (no audio we put in MP4 has more frames a second)', () => {
    expect(moovReserveBytes(plan({ audio: { sampleRate: null } }))).toBe(moovReserveBytes(plan({ audio: { sampleRate: 96000 } })));
  });

  it('no duration, or a video track of unknown frame rate: null (the faststart pass)', () => {
    for (const durationSec of [null, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(moovReserveBytes(plan({ durationSec }))).toBeNull();
    expect(moovReserveBytes(plan({ video: { fps: null } }))).toBeNull();
    expect(moovReserveBytes(plan({ video: { fps: 0 } }))).toBeNull();
    // Audio alone needs no frame rate.
    expect(moovReserveBytes(plan({ video: null }))).toBe(65536 + Math.ceil(126 * 46.875) * 24);
  });

  it('a 2 h 1080p60 film reserves under 1 % of what it weighs', () => {
    const bytes = moovReserveBytes(plan({ durationSec: 7200, video: { fps: 60 }, audio: { sampleRate: 48000 } }))!;
    expect(bytes).toBeLessThan(0.01 * 7200 * 8_000_000 / 8);
  });
});

describe('moovPlanOf', () => {
  it('takes fps and asr from the chosen formats, tags from the -metadata arguments', () => {
    const p = moovPlanOf({ video: fmt({ fps: 25, vcodec: 'avc1' }), audio: fmt({ asr: 44100, acodec: 'mp4a.40.2' }) }, 60, { subtitles: 1, chapters: 3 }, ['-metadata', 'title=Ünïcode', '-metadata', 'artist=A']);
    expect(p).toEqual({ durationSec: 60, video: { fps: 25 }, audio: { sampleRate: 44100 }, subtitleTracks: 1, chapters: 3, tagBytes: Buffer.byteLength('title=Ünïcode') + 32 + 'artist=A'.length + 32 });
  });

  it('a muxed format is both tracks; missing fields are unknown, not zero', () => {
    const muxed = fmt({ vcodec: 'avc1', acodec: 'mp4a' });
    expect(moovPlanOf({ video: muxed, audio: muxed }, null, { subtitles: 0, chapters: 0 }, [])).toMatchObject({ video: { fps: null }, audio: { sampleRate: null }, tagBytes: 0 });
    expect(moovPlanOf({ video: muxed }, 10, { subtitles: 0, chapters: 0 }, []).audio).toBeNull();
  });
});

it('MOOV_TOO_SMALL matches what ffmpeg 5.1 prints when the room overflows', () => {
  // Recorded from ffmpeg 5.1.9 (Debian 12): `-moov_size 20000` on a 120 s clip (the frame= status line ends in \r, not \n).
  const tail = 'frame=    1 fps=0.0 q=-1.0 size=      20kB time=00:00:00.00 bitrate=N/A speed=N/A    [mp4 @ 0x55f8d0a8da40] reserved_moov_size is too small, needed 112738 additional\nError writing trailer of o.mp4: Invalid argument';
  expect(MOOV_TOO_SMALL.test(tail)).toBe(true);
  expect(MOOV_TOO_SMALL.test('Starting second pass: moving the moov atom to the beginning of the file')).toBe(false);
});
