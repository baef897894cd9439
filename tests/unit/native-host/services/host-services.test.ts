/** The composition root: built once from typed config, the resolver opened on first use and rebuilt on its config, everything closed. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type HostServices } from '../../../../native-host/services/host-services.js';
import { fakeDownload, fakeMediaApi, tempHome } from '../fakes.js';

let h: ReturnType<typeof tempHome>;
let s: HostServices;
beforeEach(() => {
  h = tempHome();
});
afterEach(async () => {
  await s?.close();
  h.cleanup();
});

describe('host composition root', () => {
  it('builds the resolver once, and again only when its config changes', async () => {
    s = createServices({ env: h.env, media: fakeMediaApi(), emit: () => {} });
    const a = await s.resolver();
    expect(await s.resolver()).toBe(a);
    s.config.update({ concurrency: 3 }); // not a resolver setting
    expect(await s.resolver()).toBe(a);
    s.config.update({ groqApiKey: 'gsk-placeholder-not-a-key' });
    expect(await s.resolver()).not.toBe(a);
  });

  it('hands tool paths to discovery as typed config, not as environment variables', async () => {
    const seen: unknown[] = [];
    s = createServices({ env: { ...h.env, NEXSTREAM_YTDLP: '/opt/yt-dlp', PATH: '/usr/bin' }, media: fakeMediaApi({ discoverTools: async (env, opts) => (seen.push({ env, opts }), (await fakeMediaApi().discoverTools(env, opts))) }), emit: () => {} });
    await s.media.tools();
    expect(seen[0]).toMatchObject({ opts: { paths: { ytdlp: '/opt/yt-dlp', ffmpeg: null, ffprobe: null } } });
    expect((seen[0] as { env: Record<string, string | undefined> }).env.NEXSTREAM_PROBE_CACHE_SEC).toBeUndefined();
  });

  it('close() cancels jobs, closes the resolver and is safe to call twice', async () => {
    const events: string[] = [];
    s = createServices({ env: h.env, media: fakeMediaApi({ download: (spec, _t, hooks) => fakeDownload(10_000)(spec, hooks) }), emit: (e) => events.push(e.event) });
    await s.resolver();
    s.jobs.submit({ url: 'https://example.com/v', preset: 'best', outDir: h.home });
    for (let i = 0; i < 200 && !events.includes('job.progress'); i++) await new Promise((r) => setTimeout(r, 5));
    expect(await s.close({ jobsTimeoutMs: 2000 })).toBe(true);
    expect(await s.close()).toBe(true);
    expect(s.jobs.list()[0]?.status).toBe('cancelled');
    await expect(s.resolver()).rejects.toThrow(/shutting down/);
  });
});
