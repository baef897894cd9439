import { describe, expect, it } from 'vitest';
import { NET_PROTOCOLS, buildFfmpegArgs, headerBlock, type FfmpegJob } from '../../../../native-host/media/ffmpeg-args.js';
import { metadataArgs } from '../../../../native-host/media/tags.js';

const V = { url: 'https://cdn.example/v.mp4', codec: 'h264', headers: { 'User-Agent': 'UA', Referer: 'https://site.example/' } };
const A = { url: 'https://cdn.example/a.m4a', codec: 'aac' };
const COVER = { url: 'https://img.example/t.webp' };
const file = (path = '/out/x.part') => ({ kind: 'file' as const, path });

/** Value following a flag, for each occurrence. */
const after = (args: string[], flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
const build = (j: Partial<FfmpegJob> & Pick<FfmpegJob, 'preset'>) => buildFfmpegArgs({ output: file(), ...j });

describe('buildFfmpegArgs: video presets', () => {
  const args = build({ preset: 'mp4-1080', video: V, audio: A, cover: COVER, tags: { title: 'T', artist: 'A' } });

  it('merges separate video and audio in one run, remuxing compatible codecs', () => {
    expect(after(args, '-i')).toEqual([V.url, A.url]);
    expect(after(args, '-map')).toEqual(['0:v:0', '1:a:0?', ]);
    expect(after(args, '-c:v')).toEqual(['copy']);
    expect(after(args, '-c:a')).toEqual(['copy']);
  });

  it('writes a faststart MP4 to the .part path with an explicit muxer, progress on stdout', () => {
    expect(after(args, '-movflags')).toEqual(['+faststart']);
    expect(after(args, '-f')).toEqual(['mp4']);
    expect(args.at(-1)).toBe('/out/x.part');
    expect(after(args, '-progress')).toEqual(['pipe:1']);
    expect(args).toContain('-nostats');
    expect(args).toContain('-nostdin');
  });

  it('limits every network input to network protocols and passes its headers', () => {
    expect(after(args, '-protocol_whitelist')).toEqual([NET_PROTOCOLS, NET_PROTOCOLS]);
    expect(NET_PROTOCOLS.split(',')).not.toContain('file');
    expect(NET_PROTOCOLS.split(',')).not.toContain('concat');
    expect(after(args, '-headers')).toEqual(['User-Agent: UA\r\nReferer: https://site.example/\r\n']);
  });

  it('embeds no cover in video files and drops the source metadata for ours', () => {
    expect(args.join(' ')).not.toContain('attached_pic');
    expect(after(args, '-map_metadata')).toEqual(['-1']);
    expect(after(args, '-metadata')).toEqual(['title=T', 'artist=A']);
  });

  it('opens a muxed format once', () => {
    const muxed = { url: 'https://cdn.example/m.mp4', codec: 'h264' };
    const a = build({ preset: 'best', video: muxed, audio: { ...muxed, codec: 'aac' } });
    expect(after(a, '-i')).toEqual([muxed.url]);
    expect(after(a, '-map')).toEqual(['0:v:0', '0:a:0?']);
  });

  it('transcodes only what MP4 cannot carry', () => {
    const a = build({ preset: 'mp4-720', video: { url: 'https://x/v.webm', codec: 'vp8' }, audio: { url: 'https://x/a.webm', codec: 'opus' } });
    expect(after(a, '-c:v')).toEqual(['libx264']);
    expect(after(a, '-c:a')).toEqual(['aac']);
    const vp9 = build({ preset: 'mp4-720', video: { url: 'https://x/v.webm', codec: 'vp9' } });
    expect(after(vp9, '-c:v')).toEqual(['copy']);
  });

  it('a fresh reserved .part is opened without O_TRUNC (-truncate 0, an output option); any other file is truncated', () => {
    const a = build({ preset: 'mp4-1080', video: V, audio: A, output: { kind: 'file', path: '/out/x.part', fresh: true } });
    expect(a.slice(-6)).toEqual(['-truncate', '0', '-f', 'mp4', '-y', '/out/x.part']);
    expect(build({ preset: 'mp3-320', audio: A })).not.toContain('-truncate');
    expect(build({ preset: 'mp4-1080', video: V, audio: A, output: { kind: 'pipe' } })).not.toContain('-truncate');
  });

  it('with room reserved for the index: -moov_size in place of the faststart pass; a pipe stays fragmented', () => {
    const a = build({ preset: 'mp4-1080', video: V, audio: A, moovReserveBytes: 250_000 });
    expect(after(a, '-moov_size')).toEqual(['250000']);
    expect(a).not.toContain('-movflags');
    expect(a.at(-1)).toBe('/out/x.part');
    const piped = build({ preset: 'mp4-1080', video: V, audio: A, moovReserveBytes: 250_000, output: { kind: 'pipe' } });
    expect(piped).not.toContain('-moov_size');
    expect(after(piped, '-movflags')).toEqual(['+frag_keyframe+empty_moov+default_base_moof']);
    expect(after(build({ preset: 'mp4-1080', video: V, audio: A, moovReserveBytes: null }), '-movflags')).toEqual(['+faststart']);
  });

  it('writes fragmented MP4 to a pipe, progress moving to fd 3', () => {
    const a = build({ preset: 'mp4-720', video: V, audio: A, output: { kind: 'pipe' } });
    expect(after(a, '-movflags')).toEqual(['+frag_keyframe+empty_moov+default_base_moof']);
    expect(a.at(-1)).toBe('pipe:1');
    expect(after(a, '-progress')).toEqual(['pipe:3']);
  });

  it('reads pipe inputs (yt-dlp fallback) with only the pipe protocol allowed', () => {
    const a = build({ preset: 'best', video: { url: 'pipe:3', codec: 'h264' }, audio: { url: 'pipe:4', codec: 'aac' } });
    expect(after(a, '-i')).toEqual(['pipe:3', 'pipe:4']);
    expect(after(a, '-protocol_whitelist')).toEqual(['pipe', 'pipe']);
    expect(a).not.toContain('-headers');
  });
});

describe('buildFfmpegArgs: audio presets', () => {
  it('MP3: LAME at the preset bitrate, ID3v2.3 with the cover as an attached JPEG', () => {
    const a = build({ preset: 'mp3-320', audio: A, cover: COVER, tags: { title: 'Song', isrc: 'GBARL9300135' } });
    expect(after(a, '-map')).toEqual(['0:a:0', '1:v:0']);
    expect(after(a, '-c:a')).toEqual(['libmp3lame']);
    expect(after(a, '-b:a')).toEqual(['320k']);
    expect(after(a, '-c:v')).toEqual(['mjpeg']);
    expect(after(a, '-disposition:v:0')).toEqual(['attached_pic']);
    expect(after(a, '-id3v2_version')).toEqual(['3']);
    expect(after(a, '-metadata')).toContain('TSRC=GBARL9300135');
    expect(after(a, '-f')).toEqual(['mp3']);
    expect(build({ preset: 'mp3-192', audio: A })).toContain('192k');
  });

  it('M4A: copies AAC, transcodes anything else, faststart, cover as covr', () => {
    const copy = build({ preset: 'm4a', audio: A, cover: COVER });
    expect(after(copy, '-c:a')).toEqual(['copy']);
    expect(after(copy, '-f')).toEqual(['ipod']);
    expect(after(copy, '-movflags')).toEqual(['+faststart']);
    expect(after(copy, '-disposition:v:0')).toEqual(['attached_pic']);
    const enc = build({ preset: 'm4a', audio: { url: A.url, codec: 'opus' } });
    expect(after(enc, '-c:a')).toEqual(['aac']);
  });

  it('Opus: copies Opus, writes tags but no cover (ffmpeg 5.1 cannot mux pictures into Ogg)', () => {
    const a = build({ preset: 'opus', audio: { url: A.url, codec: 'opus' }, cover: COVER, tags: { title: 'S', isrc: 'X1' } });
    expect(after(a, '-c:a')).toEqual(['copy']);
    expect(after(a, '-i')).toEqual([A.url]);
    expect(a).not.toContain('attached_pic');
    expect(after(a, '-metadata')).toEqual(['title=S', 'ISRC=X1']);
    expect(after(build({ preset: 'opus', audio: A }), '-c:a')).toEqual(['libopus']);
  });

  it('FLAC: flac encoder, picture block from the cover', () => {
    const a = build({ preset: 'flac', audio: A, cover: COVER });
    expect(after(a, '-c:a')).toEqual(['flac']);
    expect(after(a, '-f')).toEqual(['flac']);
    expect(after(a, '-disposition:v:0')).toEqual(['attached_pic']);
  });

  it('audio presets map audio as required, so a silent source fails loudly', () => {
    expect(after(build({ preset: 'flac', audio: A }), '-map')).toEqual(['0:a:0']);
  });
});

describe('headers and tags', () => {
  it('strips CR/LF so a header value cannot inject another header', () => {
    expect(headerBlock({ 'X-A': 'v\r\nCookie: stolen' })).toBe('X-A: v Cookie: stolen\r\n');
  });

  it('writes only the tags that are set, without control characters', () => {
    expect(metadataArgs({ title: 'a\u0000b\nc', track: 3, date: '2020-01-02' }, 'mp4')).toEqual(['-metadata', 'title=a b c', '-metadata', 'date=2020-01-02', '-metadata', 'track=3']);
    expect(metadataArgs({ isrc: 'X' }, 'ipod')).toEqual([]);
  });
});
