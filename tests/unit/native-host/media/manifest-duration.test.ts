import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDuration } from '../../../../shared/iso-duration.js';
import { dashDuration, dashManifestOf, fetchText, mpdDurationSec } from '../../../../native-host/media/manifest-duration.js';
import type { RawFormat } from '../../../../native-host/media/ytdlp-info.js';

const MPD = '<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT1M30.5S"><Period/></MPD>';

describe('DASH duration from the manifest', () => {
  it('reads ISO 8601 durations as MPDs write them', () => {
    expect(parseIsoDuration('PT4S')).toBe(4);
    expect(parseIsoDuration('PT1H2M3.5S')).toBe(3723.5);
    expect(parseIsoDuration('P1DT1S')).toBe(86401);
    expect(parseIsoDuration('PT')).toBeNull();
    expect(parseIsoDuration('4 seconds')).toBeNull();
    expect(parseIsoDuration('PT0S')).toBeNull();
  });

  it('takes the attribute from the MPD element only; live manifests have none', () => {
    expect(mpdDurationSec(MPD)).toBe(90.5);
    expect(mpdDurationSec('<MPD type="dynamic"><Period duration="PT10S"/></MPD>')).toBeNull();
    expect(mpdDurationSec('<html></html>')).toBeNull();
  });

  it('finds the manifest of DASH formats only', () => {
    const f = (o: Partial<RawFormat>): RawFormat => ({ format_id: 'x', ...o }) as RawFormat;
    expect(dashManifestOf([f({ manifest_url: 'http://a/x.m3u8', protocol: 'm3u8_native' })])).toBeNull();
    expect(dashManifestOf([f({ manifest_url: 'http://a/x.mpd' })])?.url).toBe('http://a/x.mpd');
    expect(dashManifestOf([f({ manifest_url: 'http://a/get?id=1', container: 'mp4_dash' })])?.url).toBe('http://a/get?id=1');
    expect(dashManifestOf([f({ manifest_url: 'file:///etc/x.mpd' })])).toBeNull();
  });

  describe('over HTTP', () => {
    let base = '';
    const seen: Array<string | undefined> = [];
    const server = createServer((req, res) => {
      seen.push(req.headers['user-agent']);
      if (req.url === '/m.mpd') res.end(MPD);
      else res.writeHead(404).end();
    });
    beforeAll(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('one GET with the format headers; errors are null, not throws', async () => {
      const fmt = { format_id: 'v', manifest_url: `${base}/m.mpd`, http_headers: { 'User-Agent': 'nex-test' } } as RawFormat;
      expect(await dashDuration([fmt])).toBe(90.5);
      expect(seen.at(-1)).toBe('nex-test');
      expect(await dashDuration([{ ...fmt, manifest_url: `${base}/missing.mpd` }])).toBeNull();
      expect(await dashDuration([{ ...fmt, manifest_url: 'http://127.0.0.1:1/m.mpd' }])).toBeNull();
    });

    it('the duration and the liveness check reading the same manifest at once share one GET; later reads fetch again', async () => {
      const url = `${base}/m.mpd`;
      const before = seen.length;
      const [a, b] = await Promise.all([fetchText(url, { 'User-Agent': 'nex-test' }), fetchText(url, { 'User-Agent': 'nex-test' })]);
      expect(a).toBe(b);
      expect(a).toContain('mediaPresentationDuration');
      expect(seen.length - before).toBe(1);
      await fetchText(url, { 'User-Agent': 'nex-test' });
      expect(seen.length - before).toBe(2);
      // Other headers are another request (they may decide what the server answers).
      await Promise.all([fetchText(url, { 'User-Agent': 'a' }), fetchText(url, { 'User-Agent': 'b' })]);
      expect(seen.length - before).toBe(4);
    });
  });
});
