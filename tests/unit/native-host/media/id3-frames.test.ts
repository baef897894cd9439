import { describe, expect, it } from 'vitest';
import { extraId3Frames, textFrame, usltFrame, withFrames } from '../../../../native-host/media/id3-frames.js';

const syncsafe = (n: number) => [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];
const tag = (body: Buffer) => Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, ...syncsafe(body.length)]), body]);

describe('ID3v2.3 frames ffmpeg cannot write', () => {
  it('USLT: UTF-16 text with language and empty descriptor, plain 32-bit size', () => {
    const f = usltFrame('la la');
    expect(f.toString('latin1', 0, 4)).toBe('USLT');
    expect(f.readUInt32BE(4)).toBe(f.length - 10);
    expect(f[10]).toBe(1);
    expect(f.toString('latin1', 11, 14)).toBe('eng');
    expect(f.subarray(f.length - 10).toString('utf16le')).toBe('la la');
  });

  it('inserts frames first and grows the syncsafe tag size; the audio after the tag is untouched', () => {
    const file = Buffer.concat([tag(textFrame('TIT2', 'x')), Buffer.from('AUDIO')]);
    const frames = extraId3Frames({ compilation: true, lyrics: 'l' });
    const out = withFrames(file, frames);
    if (!out) throw new Error('no tag');
    const size = ((out[6] ?? 0) << 21) | ((out[7] ?? 0) << 14) | ((out[8] ?? 0) << 7) | (out[9] ?? 0);
    expect(size).toBe(file.length - 10 - 5 + frames.reduce((n, f) => n + f.length, 0));
    expect(out.toString('latin1', 10, 14)).toBe('TCMP');
    expect(out.subarray(out.length - 5).toString()).toBe('AUDIO');
  });

  it('leaves files without an ID3v2.3 tag alone', () => {
    expect(withFrames(Buffer.from('fLaC....'), [textFrame('TCMP', '1')])).toBeNull();
    expect(withFrames(Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]), [textFrame('TCMP', '1')])).toBeNull();
    expect(extraId3Frames({ title: 'x' })).toEqual([]);
  });
});
