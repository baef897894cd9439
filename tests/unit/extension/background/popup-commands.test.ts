import { describe, expect, it, vi } from 'vitest';
import type { JobInfo } from '../../../../shared/protocol/index.js';
import { JobStore } from '../../../../extension/background/jobs.js';
import { runPopupCommand, type PopupCommandContext } from '../../../../extension/background/popup-commands.js';
import { Sessions } from '../../../../extension/background/sessions.js';

const PAGE = 'http://127.0.0.1:9/page.html';
const job = (status: JobInfo['status']): JobInfo => ({ id: 'j1', kind: 'download', status, url: PAGE, preset: 'best', createdAt: 1 });

function context(current: JobInfo | null) {
  const sessions = new Sessions();
  sessions.setReport(1, { pageUrl: PAGE, meta: {}, items: [], blobPlayer: false }).jobId = 'j1';
  const jobs = new JobStore();
  if (current) jobs.upsert(current);
  const request = vi.fn(async () => ({ jobId: 'j2', cancelled: true }));
  const select = vi.fn();
  const ctx: PopupCommandContext = { tabId: 1, client: { request } as never, jobs, sessions, prober: { select }, tabs: { jobFor: () => current } };
  return { ctx, sessions, jobs, request, select };
}

describe('popup commands (named handlers)', () => {
  it('dismiss hides a finished job and clears the tab, leaving a running one alone', () => {
    const done = context(job('done'));
    const changed = vi.fn();
    done.sessions.onChange(changed);
    runPopupCommand(done.ctx, { type: 'dismiss' });
    expect(done.jobs.latestFor([PAGE])).toBeUndefined();
    expect(done.sessions.get(1).jobId).toBeNull();
    expect(changed).toHaveBeenCalledWith(1);

    const running = context(job('running'));
    runPopupCommand(running.ctx, { type: 'dismiss' });
    expect(running.jobs.latestFor([PAGE])?.id).toBe('j1');
  });

  it('probe, cancel and download reach the prober and the host', async () => {
    const c = context(null);
    runPopupCommand(c.ctx, { type: 'probe', url: 'http://127.0.0.1:9/v.mp4' });
    expect(c.select).toHaveBeenCalledWith(1, 'http://127.0.0.1:9/v.mp4', undefined);
    runPopupCommand(c.ctx, { type: 'cancel', jobId: 'j9' });
    expect(c.request).toHaveBeenCalledWith('cancel', { jobId: 'j9' });
    c.sessions.get(1).probe = { status: 'ok', url: PAGE, result: { url: PAGE, title: 'T', durationSec: 1, thumbnail: null, formats: [], presets: [] } };
    runPopupCommand(c.ctx, { type: 'download', preset: 'm4a' });
    await vi.waitFor(() => expect(c.request).toHaveBeenCalledWith('download', { url: PAGE, preset: 'm4a', title: 'T' }));
  });
});
