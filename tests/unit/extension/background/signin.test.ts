import { describe, expect, it, vi } from 'vitest';
import { startDownload } from '../../../../extension/background/download.js';
import { JobStore } from '../../../../extension/background/jobs.js';
import type { Session } from '../../../../extension/background/sessions.js';
import { isSignedInSite, siteOrigin } from '../../../../extension/signin.js';

const session = (signedIn: boolean): Session =>
  ({ tabId: 1, pageUrl: 'https://m.example/v', report: null, tried: new Set(), jobId: null, signedIn, probe: { status: 'ok', url: 'https://m.example/v', result: { url: 'https://m.example/v', title: 'T', durationSec: 1, thumbnail: null, formats: [], presets: [] } } }) as unknown as Session;
const COOKIE = { domain: 'm.example', name: 'sid', value: 'v', path: '/', secure: true, httpOnly: true, hostOnly: true };

describe('signed-in jobs', () => {
  it('only opted-in origins count', () => {
    expect(siteOrigin('https://m.example/watch?v=1')).toBe('https://m.example');
    expect(isSignedInSite(['https://m.example'], 'https://m.example/x')).toBe(true);
    expect(isSignedInSite(['https://m.example'], 'https://evil.example/x')).toBe(false);
  });

  it('a signed-in session’s download carries the cookies read at that moment; others carry none', async () => {
    const request = vi.fn(async () => ({ jobId: 'j' }));
    const cookiesFor = vi.fn(async () => [COOKIE]);
    startDownload({ request } as never, new JobStore(), session(true), 'best', undefined, cookiesFor);
    await vi.waitFor(() => expect(request).toHaveBeenCalledWith('download', expect.objectContaining({ cookies: [COOKIE] })));
    request.mockClear();
    startDownload({ request } as never, new JobStore(), session(false), 'best', undefined, cookiesFor);
    expect(request).toHaveBeenCalledWith('download', expect.not.objectContaining({ cookies: expect.anything() }));
    expect(cookiesFor).toHaveBeenCalledTimes(1);
  });
});
