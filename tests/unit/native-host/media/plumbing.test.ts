import { describe, expect, it } from 'vitest';
import { displayCommand, lineSplitter } from '../../../../native-host/media/lines.js';
import { ProbeCache } from '../../../../native-host/media/probe-cache.js';
import { ffmpegError } from '../../../../native-host/media/ffmpeg-run.js';
import { planSources } from '../../../../native-host/media/sources.js';
import type { ProbeDetail } from '../../../../native-host/media/types.js';
import { ytdlpError, ytdlpErrorLine, ytdlpPipeArgs, ytdlpProbeArgs } from '../../../../native-host/media/ytdlp-args.js';
import { fmt } from './helpers.js';

describe('lineSplitter', () => {
  it('gives \\r-terminated progress lines the replace flag, handles \\r\\n split across chunks', () => {
    const out: Array<[string, boolean]> = [];
    const s = lineSplitter((t, cr) => out.push([t, cr]));
    s.push('a\nprog 1\rprog 2\r');
    s.push('\nlast');
    s.end();
    expect(out).toEqual([['a', false], ['prog 1', true], ['prog 2', false], ['last', false]]);
  });

  it('displays commands quoted for humans', () => {
    expect(displayCommand('ffmpeg', ['-i', 'a b', "it's"])).toBe(`ffmpeg -i 'a b' 'it'\\''s'`);
  });
});

describe('ProbeCache', () => {
  it('expires entries after the TTL and evicts the oldest beyond its size', () => {
    let now = 0;
    const c = new ProbeCache(1000, 2, () => now);
    const d = (u: string) => ({ result: { url: u }, info: {}, probedAt: now }) as unknown as ProbeDetail;
    c.set('a', d('a'));
    now = 999;
    expect(c.get('a')).toBeDefined();
    now = 1000;
    expect(c.get('a')).toBeUndefined();
    c.set('b', d('b'));
    c.set('c', d('c'));
    c.set('e', d('e'));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('e')).toBeDefined();
    const off = new ProbeCache(0);
    off.set('x', d('x'));
    expect(off.get('x')).toBeUndefined();
  });
});

describe('yt-dlp command lines and errors', () => {
  it('puts the URL after --, adds --js-runtimes only when supported', () => {
    expect(ytdlpProbeArgs('https://x/-v', { ytdlpSupportsJsRuntimes: false }).slice(-2)).toEqual(['--', 'https://x/-v']);
    expect(ytdlpProbeArgs('https://x', { ytdlpSupportsJsRuntimes: false })).not.toContain('--js-runtimes');
    // A new yt-dlp with no acceptable runtime gets no flag (never a runtime it would reject); with one, exactly that one.
    expect(ytdlpProbeArgs('https://x', { ytdlpSupportsJsRuntimes: true, jsRuntime: null })).not.toContain('--js-runtimes');
    const node = { name: 'node' as const, path: '/opt/node22/bin/node', version: '22.12.0', source: 'node on PATH' as const };
    expect(ytdlpProbeArgs('https://x', { ytdlpSupportsJsRuntimes: true, jsRuntime: node }).join(' ')).toContain('--no-js-runtimes --js-runtimes node:/opt/node22/bin/node');
    expect(ytdlpProbeArgs('https://x', { ytdlpSupportsJsRuntimes: false, jsRuntime: node })).not.toContain('--js-runtimes');
    const pipe = ytdlpPipeArgs('https://x', '137', { ytdlpSupportsJsRuntimes: false });
    expect(pipe.join(' ')).toContain('-f 137 -o - -- https://x');
  });

  it('maps the ERROR: line to stable codes', () => {
    const e404 = 'ERROR: [generic] None: Unable to download webpage: HTTP Error 404: Not Found (caused by <HTTPError 404>); please report this issue on  https://github.com/yt-dlp/yt-dlp/issues?q= , filling out the template';
    expect(ytdlpErrorLine(`[generic] Extracting\n${e404}`)).toBe('[generic] None: Unable to download webpage: HTTP Error 404: Not Found (caused by <HTTPError 404>)');
    expect(ytdlpError(1, e404, 'u').code).toBe('media.unavailable');
    expect(ytdlpError(1, 'ERROR: Unsupported URL: https://example.com/', 'u').code).toBe('media.unsupported');
    // Issue 13: a private video has its own code now (tests/unit/native-host/media/ytdlp-errors.test.ts has them all).
    expect(ytdlpError(1, 'ERROR: [youtube] abc: Private video. Sign in', 'u').code).toBe('media.private');
    expect(ytdlpError(1, 'ERROR: An extractor error has occurred. (caused by KeyError)', 'u').code).toBe('media.ytdlp_exit');
    expect(ytdlpError(2, 'Traceback ...\nboom', 'u')).toMatchObject({ code: 'media.ytdlp_exit', message: expect.stringContaining('boom') });
  });

  it('maps ffmpeg failures: disk full, no audio stream, anything else with the stderr tail', () => {
    expect(ffmpegError(1, 'av_interleaved_write_frame(): No space left on device', false).code).toBe('media.disk_full');
    expect(ffmpegError(1, "Stream map '0:a:0' matches no streams.", true).code).toBe('media.no_audio');
    const other = ffmpegError(1, 'line 1\nhttp://x/a.mp4: Invalid data found when processing input', false);
    expect(other).toMatchObject({ code: 'media.ffmpeg_exit', message: expect.stringContaining('Invalid data found') });
    expect(ffmpegError(1, 'line 1\nhttp://x/a.mp4: Server returned 403 Forbidden (access denied)', false).code).toBe('media.forbidden');
    expect(other.details?.stderrTail).toContain('line 1');
  });

  it('a failed trailer write (ffmpeg 5.1 exits 0 after it) says the file could not be finished', () => {
    const tail = '[mp4 @ 0x1] reserved_moov_size is too small, needed 112738 additional\nError writing trailer of /out/x.part: Invalid argument\nvideo:4495kB audio:1879kB subtitle:0kB other streams:0kB global headers:0kB muxing overhead: 0.3%';
    const e = ffmpegError(0, tail, false);
    expect(e).toMatchObject({ code: 'media.ffmpeg_exit', message: 'ffmpeg could not finish the file (Error writing trailer of /out/x.part: Invalid argument).' });
    expect(String(e.details?.stderrTail)).toContain('reserved_moov_size is too small');
  });
});

describe('planSources', () => {
  it('ffmpeg reads http and HLS itself; DASH segments come through yt-dlp pipes on fds 3, 4', () => {
    const v = fmt({ format_id: 'v', vcodec: 'avc1', acodec: 'none', protocol: 'http_dash_segments' });
    const a = fmt({ format_id: 'a', vcodec: 'none', acodec: 'mp4a.40.2', protocol: 'm3u8_native', http_headers: { Referer: 'r' } });
    const p = planSources({ video: v, audio: a });
    expect(p.video).toEqual({ url: 'pipe:3', headers: null, codec: 'h264' });
    expect(p.audio).toEqual({ url: a.url, headers: { Referer: 'r' }, codec: 'aac' });
    expect(p.feeders).toEqual([{ fd: 3, formatId: 'v' }]);
  });

  it('never hands ffmpeg a non-http URL from an extractor', () => {
    const f = fmt({ format_id: 'f', protocol: 'http', url: 'file:///etc/passwd', vcodec: 'avc1', acodec: 'aac' });
    const p = planSources({ video: f, audio: f });
    expect(p.video?.url).toBe('pipe:3');
    expect(p.audio?.url).toBe('pipe:3');
    expect(p.feeders).toHaveLength(1);
  });
});
