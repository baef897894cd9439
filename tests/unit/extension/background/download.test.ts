import { describe, expect, it, vi } from 'vitest';
import { startDownload } from '../../../../extension/background/download.js';
import { JobStore } from '../../../../extension/background/jobs.js';
import { Sessions } from '../../../../extension/background/sessions.js';
import { HostRequestError } from '../../../../extension/host/errors.js';

const PAGE = 'http://127.0.0.1:9/late.html';
const FILE = 'http://127.0.0.1:9/late.mp4';
const probe = (url: string) => ({ status: 'ok' as const, url, result: { url, title: 'late', durationSec: 2, thumbnail: null, formats: [], presets: [] } });

function session(url: string) {
  const s = new Sessions().setReport(1, { pageUrl: PAGE, meta: { title: 'Late Arrival Clip' }, items: [], blobPlayer: false });
  s.probe = probe(url);
  return s;
}

describe('startDownload', () => {
  it('names a direct file after the page, and records the job the host accepted', async () => {
    const request = vi.fn(async () => ({ jobId: 'j7' }));
    const jobs = new JobStore();
    const s = session(FILE);
    startDownload({ request } as never, jobs, s, 'mp3-320');
    await vi.waitFor(() => expect(jobs.get('j7')).toMatchObject({ status: 'queued', url: FILE, preset: 'mp3-320' }));
    expect(request).toHaveBeenCalledWith('download', { url: FILE, preset: 'mp3-320', title: 'late', tags: { title: 'Late Arrival Clip' } });
    expect(s.jobId).toBe('j7');
  });

  it('lets yt-dlp name a page it understood (no tag override)', async () => {
    const request = vi.fn(async () => ({ jobId: 'j8' }));
    startDownload({ request } as never, new JobStore(), session(PAGE), 'm4a');
    await vi.waitFor(() => expect(request).toHaveBeenCalledWith('download', { url: PAGE, preset: 'm4a', title: 'late' }));
  });

  it('shows a refused download as a failed job with the reason', async () => {
    const request = vi.fn(async () => {
      throw new HostRequestError({ code: 'media.output', message: 'not writable' });
    });
    const jobs = new JobStore();
    const s = session(PAGE);
    startDownload({ request } as never, jobs, s, 'flac');
    await vi.waitFor(() => expect(jobs.get(s.jobId ?? '')).toMatchObject({ status: 'failed', error: { code: 'media.output' } }));
  });
});
