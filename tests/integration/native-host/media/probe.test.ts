import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverTools, probe, probeCache } from '../../../../native-host/media/index.js';
import type { Tools } from '../../../../native-host/media/types.js';
import { ProbeResult } from '../../../../shared/protocol/index.js';
import { makeMediaSite, type MediaSite } from '../../../fixtures/make-media.js';
import { collectLog } from './helpers.js';

let site: MediaSite;
let tools: Tools;

beforeAll(async () => {
  [site, tools] = await Promise.all([makeMediaSite(), discoverTools()]);
});
afterAll(async () => {
  await site?.close();
});

describe('probe with the real yt-dlp against local media', () => {
  it('finds the tools on this machine', () => {
    expect(tools.ytdlpVersion).toMatch(/^\d{4}\.\d{2}\.\d{2}/);
    expect(tools.ffmpegVersion).toMatch(/^\d/);
  });

  it('an HTML page with a <video>: title, duration, thumbnail, 360p + audio presets', async () => {
    const { log, commands } = collectLog();
    const d = await probe(site.url('page.html'), tools, { log, noCache: true });
    expect(ProbeResult.safeParse(d.result).success).toBe(true);
    expect(d.result).toMatchObject({ title: 'NexStream Test Clip', thumbnail: site.url('thumb.jpg') });
    expect(d.result.durationSec).toBeCloseTo(4, 0);
    expect(d.result.formats).toEqual([expect.objectContaining({ kind: 'muxed', height: 360, vcodec: 'h264', acodec: 'aac' })]);
    expect(d.result.presets.map((p) => p.id)).toEqual(['best', 'mp4-360', 'mp3-320', 'mp3-192', 'm4a', 'opus', 'flac']);
    expect(d.result.presets.find((p) => p.default)?.id).toBe('mp4-360');
    // The exact command is logged, with the URL after `--`.
    expect(commands('yt-dlp')[0]).toMatch(/ -J .* -- http:\/\/127\.0\.0\.1:\d+\/page\.html$/);
  });

  it('a DASH manifest with separate video and audio: both formats, with codecs and height', async () => {
    const d = await probe(site.url('dash/manifest.mpd'), tools, { noCache: true });
    expect(d.result.formats.map((f) => [f.kind, f.height ?? null])).toEqual(
      expect.arrayContaining([
        ['video', 360],
        ['audio', null],
      ]),
    );
    expect(d.result.durationSec).toBeCloseTo(4, 0);
  });

  it('an HLS playlist (codecs and duration filled in by ffprobe)', async () => {
    const hls = await probe(site.url('hls/index.m3u8'), tools, { noCache: true });
    expect(hls.result.formats[0]).toMatchObject({ kind: 'muxed', protocol: 'm3u8_native', vcodec: 'h264', acodec: 'aac', height: 360 });
    expect(hls.result.durationSec).toBeCloseTo(4, 0);
  });

  it('caches by URL so a second probe is instant; noCache bypasses', async () => {
    const url = site.url('direct.mp4');
    probeCache.clear();
    const first = await probe(url, tools);
    const t = performance.now();
    const again = await probe(url, tools);
    expect(performance.now() - t).toBeLessThan(20);
    expect(again).toBe(first);
    const fresh = await probe(url, tools, { noCache: true });
    expect(fresh).not.toBe(first);
  });

  it('a dead link fails cleanly with media.unavailable', async () => {
    await expect(probe(site.url('gone.mp4'), tools, { noCache: true })).rejects.toMatchObject({ code: 'media.unavailable' });
  });

  it('a page without media is media.unsupported; so is a bare picture', async () => {
    await writeFile(path.join(site.dir, 'plain.html'), '<!doctype html><html><head><title>Words</title></head><body><p>No media here.</p></body></html>');
    await expect(probe(site.url('plain.html'), tools, { noCache: true })).rejects.toMatchObject({ code: 'media.unsupported' });
    await expect(probe(site.url('thumb.jpg'), tools, { noCache: true })).rejects.toMatchObject({ code: 'media.unsupported' });
  });

  it.each(['file:///etc/passwd', '-o/tmp/x', '--exec=touch /tmp/pwned', 'javascript:alert(1)', 'ftp://127.0.0.1/a.mp4', 'not a url', ''])(
    'rejects %j before spawning anything',
    async (bad) => {
      const { log, lines } = collectLog();
      await expect(probe(bad, tools, { log, noCache: true })).rejects.toMatchObject({ code: 'input.invalid_url' });
      expect(lines).toEqual([]);
    },
  );

  it('an aborted probe is job.cancelled', async () => {
    const ac = new AbortController();
    const p = probe(site.url('page.html'), tools, { signal: ac.signal, noCache: true });
    setTimeout(() => ac.abort(), 100);
    await expect(p).rejects.toMatchObject({ code: 'job.cancelled' });
  });
});
