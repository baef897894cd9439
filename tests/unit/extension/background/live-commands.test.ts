/** The popup's live commands reach the host: "Record from now" is a download with live: true, Stop its own request. */
import { describe, expect, it, vi } from 'vitest';
import { JobStore } from '../../../../extension/background/jobs.js';
import { runPopupCommand, type PopupCommandContext } from '../../../../extension/background/popup-commands.js';
import { Sessions } from '../../../../extension/background/sessions.js';

const PAGE = 'http://127.0.0.1:9/live.html';

describe('live popup commands', () => {
  it('record sends download with live: true and records the job as live; stop sends stop (not cancel)', async () => {
    const sessions = new Sessions();
    sessions.setReport(1, { pageUrl: PAGE, meta: {}, items: [], blobPlayer: false });
    sessions.get(1).probe = { status: 'ok', url: PAGE, result: { url: PAGE, title: 'Live', durationSec: null, thumbnail: null, formats: [], presets: [], live: 'is_live' } };
    const jobs = new JobStore();
    const request = vi.fn(async () => ({ jobId: 'j7', stopped: true }));
    const ctx: PopupCommandContext = { tabId: 1, client: { request } as never, jobs, sessions, prober: { select: vi.fn() }, tabs: { jobFor: () => null } };
    runPopupCommand(ctx, { type: 'download', preset: 'best', live: true });
    await vi.waitFor(() => expect(request).toHaveBeenCalledWith('download', { url: PAGE, preset: 'best', title: 'Live', live: true }));
    await vi.waitFor(() => expect(jobs.get('j7')).toMatchObject({ live: true, status: 'queued' }));
    runPopupCommand(ctx, { type: 'stop', jobId: 'j7' });
    expect(request).toHaveBeenCalledWith('stop', { jobId: 'j7' });
    expect(request).not.toHaveBeenCalledWith('cancel', expect.anything());
  });
});
