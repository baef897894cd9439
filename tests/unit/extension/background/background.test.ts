import { describe, expect, it, vi } from 'vitest';
import type { JobInfo } from '../../../../shared/protocol/index.js';
import { probeCandidates, shouldTryNext } from '../../../../extension/background/candidates.js';
import { baseName } from '../../../../extension/file-url.js';
import { JobStore } from '../../../../extension/background/jobs.js';
import { Prober } from '../../../../extension/background/prober.js';
import { Sessions } from '../../../../extension/background/sessions.js';
import { SniffStore } from '../../../../extension/detect/network-sniff.js';
import { HostRequestError } from '../../../../extension/host/errors.js';
import type { MediaItem } from '../../../../extension/detect/types.js';

const PAGE = 'http://127.0.0.1:9/late.html';
const page: MediaItem = { url: PAGE, kind: 'page', via: 'page-url' };
const dom: MediaItem = { url: 'http://127.0.0.1:9/late.mp4', kind: 'video', via: 'dom-video' };
const hls: MediaItem = { url: 'http://127.0.0.1:9/s/index.m3u8', kind: 'hls', via: 'network-sniff' };
const embed: MediaItem = { url: 'https://e.example/embed/1', kind: 'page', via: 'meta-tags' };

describe('probe candidates', () => {
  it('page URL first, then direct media, then sniffed manifests, then embeds', () => {
    expect(probeCandidates([embed, dom, page], [hls, dom]).map((c) => c.url)).toEqual([PAGE, dom.url, hls.url, embed.url]);
  });
  it('moves on after media failures but not after host trouble', () => {
    expect(shouldTryNext('media.unsupported')).toBe(true);
    expect(shouldTryNext('host.not_installed')).toBe(false);
    expect(shouldTryNext('media.ytdlp_missing')).toBe(false);
  });
});

describe('Prober', () => {
  it('falls back from an unsupported page URL to the <video> src', async () => {
    const sessions = new Sessions();
    const request = vi.fn(async (_t: string, p: { url: string }) => {
      if (p.url === PAGE) throw new HostRequestError({ code: 'media.unsupported', message: 'Unsupported URL' });
      return { url: p.url, title: 'late', durationSec: 2, thumbnail: null, formats: [], presets: [] };
    });
    const prober = new Prober({ request } as never, sessions, new SniffStore());
    sessions.setReport(1, { pageUrl: PAGE, meta: {}, items: [page, dom], blobPlayer: false });
    prober.ensure(1);
    await vi.waitFor(() => expect(sessions.get(1).probe.status).toBe('ok'));
    expect(sessions.get(1).probe.url).toBe(dom.url);
    expect(request.mock.calls.map((c) => c[1].url)).toEqual([PAGE, dom.url]);
  });

  it('drops a stale result after the tab navigated, and retries the same source after host trouble', async () => {
    const sessions = new Sessions();
    let fail = true;
    const request = vi.fn(async () => {
      if (fail) throw new HostRequestError({ code: 'host.not_installed', message: 'not found' });
      return { url: PAGE, title: 't', durationSec: null, thumbnail: null, formats: [], presets: [] };
    });
    const prober = new Prober({ request } as never, sessions, new SniffStore());
    sessions.setReport(1, { pageUrl: PAGE, meta: {}, items: [page], blobPlayer: false });
    prober.ensure(1);
    await vi.waitFor(() => expect(sessions.get(1).probe.status).toBe('error'));
    fail = false;
    prober.ensure(1); // the popup reopened after `npx nexstream install`
    await vi.waitFor(() => expect(sessions.get(1).probe.status).toBe('ok'));

    sessions.reset(1, 'http://127.0.0.1:9/other.html');
    expect(sessions.get(1).probe.status).toBe('idle');
  });
});

describe('JobStore', () => {
  const job = (over: Partial<JobInfo> = {}): JobInfo => ({ id: 'j1', kind: 'download', status: 'queued', url: PAGE, createdAt: 1, ...over });
  it('follows a job from events: progress, done; knows when something is active', () => {
    const store = new JobStore();
    store.upsert(job());
    expect(store.hasActive()).toBe(true);
    store.apply({ kind: 'event', event: 'job.progress', jobId: 'j1', progress: { percent: 10, speed: 5, etaSec: 1 } });
    expect(store.get('j1')).toMatchObject({ status: 'running', progress: { percent: 10 } });
    store.apply({ kind: 'event', event: 'job.done', jobId: 'j1', path: '/d/a.mp3', job: job({ status: 'done' }) });
    expect(store.get('j1')).toMatchObject({ status: 'done', path: '/d/a.mp3' });
    expect(store.hasActive()).toBe(false);
    expect(store.latestFor([PAGE])?.id).toBe('j1');
    store.dismiss('j1');
    expect(store.latestFor([PAGE])).toBeUndefined();
  });
  it('after a reconnect, jobs the new host does not know are marked failed', () => {
    const store = new JobStore();
    store.upsert(job({ status: 'running' }));
    store.sync([]);
    expect(store.get('j1')).toMatchObject({ status: 'failed', error: { code: 'host.disconnected' } });
  });
});

describe('file names for notifications', () => {
  it('takes the last part of POSIX and Windows paths', () => {
    expect(baseName('C:\\Users\\u\\x.mp3')).toBe('x.mp3');
  });
});
