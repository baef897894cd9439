/** The pure pieces of live recording: HLS liveness, the live input option, recording names, what may be recorded. */
import { describe, expect, it } from 'vitest';
import { hlsLiveStatus, parseHlsPlaylist } from '../../../../native-host/media/hls-live.js';
import { liveUnknown, mpdIsDynamic } from '../../../../native-host/media/live-detect.js';
import { recordPlan } from '../../../../native-host/media/probe-extras.js';
import { liveInputArgs, liveMaxReload, recordingStem, withMaxSec } from '../../../../native-host/media/record.js';
import { InfoDict } from '../../../../native-host/media/ytdlp-info.js';

const BASE = 'http://127.0.0.1:9/hls/live.m3u8';
const media = (body: string[]) => ['#EXTM3U', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:41', ...body].join('\n');

describe('parseHlsPlaylist / hlsLiveStatus (RFC 8216)', () => {
  it('an open media playlist with segments is live; with none it has not started; ENDLIST or type VOD is not live', () => {
    const open = parseHlsPlaylist(media(['#EXTINF:2.0,', 'a.ts', '#EXTINF:2.0,', 'b.ts']), BASE);
    expect(open).toEqual({ kind: 'media', ended: false, segments: 2 });
    expect(hlsLiveStatus(open!)).toBe('is_live');
    expect(hlsLiveStatus(parseHlsPlaylist(media([]), BASE)!)).toBe('is_upcoming');
    expect(hlsLiveStatus(parseHlsPlaylist(media(['#EXTINF:2.0,', 'a.ts', '#EXT-X-ENDLIST']), BASE)!)).toBe('not_live');
    expect(hlsLiveStatus(parseHlsPlaylist(media(['#EXT-X-PLAYLIST-TYPE:VOD', '#EXTINF:2.0,', 'a.ts']), BASE)!)).toBe('not_live');
    // CRLF line ends and stray spaces as some origins send them.
    expect(hlsLiveStatus(parseHlsPlaylist(media(['#EXTINF:2.0,', 'a.ts', '#EXT-X-ENDLIST  ']).replace(/\n/g, '\r\n'), BASE)!)).toBe('not_live');
  });

  it('a master playlist names its first variant, resolved against the playlist URL; not an m3u8 at all is null', () => {
    const master = parseHlsPlaylist(['#EXTM3U', '#EXT-X-STREAM-INF:BANDWIDTH=800000', 'v1/index.m3u8', '#EXT-X-STREAM-INF:BANDWIDTH=2000', 'v2.m3u8'].join('\n'), BASE);
    expect(master).toEqual({ kind: 'master', firstVariant: 'http://127.0.0.1:9/hls/v1/index.m3u8' });
    expect(hlsLiveStatus(master!)).toBeNull();
    expect(parseHlsPlaylist('<html>not found</html>', BASE)).toBeNull();
  });

  it('asks only when yt-dlp said nothing about liveness or length', () => {
    expect(liveUnknown(InfoDict.parse({ id: 'x' }))).toBe(true);
    expect(liveUnknown(InfoDict.parse({ id: 'x', live_status: 'is_live' }))).toBe(false);
    expect(liveUnknown(InfoDict.parse({ id: 'x', is_live: false }))).toBe(false);
    expect(liveUnknown(InfoDict.parse({ id: 'x', duration: 12 }))).toBe(false);
  });

  it('a DASH manifest of type="dynamic" is live, a static one is not', () => {
    expect(mpdIsDynamic('<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011"\n type="dynamic" minimumUpdatePeriod="PT2S">')).toBe(true);
    expect(mpdIsDynamic('<MPD type="static" mediaPresentationDuration="PT6S"><Period type="dynamic">')).toBe(false);
  });
});

describe('recordPlan', () => {
  const readable = () => true;
  it('records a live stream ffmpeg can read; downloads what is not live; refuses upcoming and unreadable live streams', () => {
    expect(recordPlan({ url: 'u', live: 'is_live' }, readable)).toBe('record');
    expect(recordPlan({ url: 'u' }, readable)).toBe('download');
    expect(recordPlan({ url: 'u', live: 'was_live' }, readable)).toBe('download');
    expect(() => recordPlan({ url: 'u', live: 'is_upcoming' }, readable)).toThrow(expect.objectContaining({ code: 'media.not_started' }));
    expect(() => recordPlan({ url: 'u', live: 'is_live' }, () => false)).toThrow(expect.objectContaining({ code: 'media.live_unrecordable' }));
  });
  it('does not look at the formats of an upcoming stream (there may be none to choose from)', () => {
    const never = () => {
      throw new Error('asked');
    };
    expect(() => recordPlan({ url: 'u', live: 'is_upcoming' }, never)).toThrow(expect.objectContaining({ code: 'media.not_started' }));
  });
});

describe('liveInputArgs / recordingStem', () => {
  it('lets the HLS demuxer end a stalled recording after about the stall time, never on a 1-reload hiccup', () => {
    expect(liveMaxReload(3)).toBe(2);
    expect(liveMaxReload(30)).toBe(12);
    expect(liveInputArgs(['-i', 'http://h/v.m3u8'], new Set(['http://h/v.m3u8']), 12)).toEqual(['-live_start_index', '-1', '-max_reload', '12', '-i', 'http://h/v.m3u8']);
  });

  it('puts -live_start_index -1 before each HLS input only', () => {
    const args = ['-protocol_whitelist', 'http', '-i', 'http://h/v.m3u8', '-i', 'http://h/a.mp4', '-map', '0:v:0', 'out'];
    expect(liveInputArgs(args, new Set(['http://h/v.m3u8']))).toEqual(['-protocol_whitelist', 'http', '-live_start_index', '-1', '-max_reload', '2', '-i', 'http://h/v.m3u8', '-i', 'http://h/a.mp4', '-map', '0:v:0', 'out']);
    expect(liveInputArgs(args, new Set())).toEqual(args);
  });
  it('--duration is ffmpeg -t as an output option, just before the muxer', () => {
    const args = ['-i', 'http://h/v.m3u8', '-c:v', 'copy', '-f', 'mp4', '-y', 'out.part'];
    expect(withMaxSec(args, 3)).toEqual(['-i', 'http://h/v.m3u8', '-c:v', 'copy', '-t', '3', '-f', 'mp4', '-y', 'out.part']);
    expect(withMaxSec(args, undefined)).toEqual(args);
  });
  it('names a recording after the stream and the local time it began', () => {
    expect(recordingStem('Morning Show', new Date(2026, 0, 5, 7, 3))).toBe('Morning Show (live 2026-01-05 07.03)');
  });
});
