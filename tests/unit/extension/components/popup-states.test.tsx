// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobInfo } from '../../../../shared/protocol/index.js';
import { FIRST_META_MARK } from '../../../../extension/components/page-header-dom.js';
import { Popup, popupView, type PopupActions } from '../../../../extension/components/Popup.js';
import { PopupState } from '../../../../extension/messages.js';
import { PRESETS } from './presets.js';

afterEach(cleanup);

const actions = (): PopupActions => ({ download: vi.fn(), cancel: vi.fn(), reveal: vi.fn(), dismiss: vi.fn(), probe: vi.fn() });
const PAGE = { pageUrl: 'http://127.0.0.1:8080/demo.html', title: 'Sunset Timelapse', durationSec: 65, thumbnail: 'http://127.0.0.1:8080/t.jpg' };
const base = (over: Partial<PopupState> = {}): PopupState =>
  PopupState.parse({
    tabId: 1,
    page: PAGE,
    mediaCount: 1,
    sources: [
      { url: PAGE.pageUrl, kind: 'page', via: 'page-url' },
      { url: 'http://127.0.0.1:8080/sunset.mp4', kind: 'video', via: 'dom-video' },
    ],
    host: { status: 'ready', version: '0.1.0' },
    probe: { status: 'loading', url: PAGE.pageUrl },
    job: null,
    ...over,
  });
const probeOk = { status: 'ok' as const, url: PAGE.pageUrl, result: { url: PAGE.pageUrl, title: 'Sunset', durationSec: 65, thumbnail: null, formats: [], presets: PRESETS } };
const job = (over: Partial<JobInfo>): JobInfo => ({ id: 'j1', kind: 'download', status: 'running', url: PAGE.pageUrl, preset: 'mp3-320', createdAt: 1, ...over });

describe('popup states', () => {
  it('loading: skeletons only, until the background answers', () => {
    render(<Popup state={null} actions={actions()} />);
    expect(popupView(null)).toBe('loading');
    expect(screen.getAllByLabelText('Loading qualities')).toHaveLength(1);
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
  });

  it('page metadata at once while the probe runs, and a performance mark for it', () => {
    performance.clearMarks();
    render(<Popup state={base()} actions={actions()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sunset Timelapse');
    expect(screen.getByText('1:05')).toBeTruthy();
    expect(screen.getByText('Checking available qualities…')).toBeTruthy();
    expect(performance.getEntriesByName(FIRST_META_MARK)).toHaveLength(1);
  });

  it('picker when the probe answers, with a default chosen', async () => {
    const a = actions();
    render(<Popup state={base({ probe: probeOk })} actions={a} />);
    await act(async () => undefined);
    expect((screen.getByRole('radio', { name: /1080p/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /MP3 320 kbps/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Download MP3 320 kbps' }));
    expect(a.download).toHaveBeenCalledWith('mp3-320');
  });

  it('host missing: tells the one command to run', () => {
    render(<Popup state={base({ host: { status: 'not_installed', error: { code: 'host.not_installed', message: 'Specified native messaging host not found.' } }, probe: { status: 'error', url: PAGE.pageUrl, error: { code: 'host.not_installed', message: '' } } })} actions={actions()} />);
    expect(screen.getByRole('alert').textContent).toContain('npx nexstream install');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sunset Timelapse');
  });

  it('no media: a page without media whose URL yt-dlp does not know', () => {
    const state = base({ mediaCount: 0, sources: [{ url: PAGE.pageUrl, kind: 'page', via: 'page-url' }], probe: { status: 'error', url: PAGE.pageUrl, error: { code: 'media.unsupported', message: 'Unsupported URL' } } });
    render(<Popup state={state} actions={actions()} />);
    expect(popupView(state)).toBe('no-media');
    expect(screen.getByText('No media on this page')).toBeTruthy();
  });

  it('error: a probe failure with a retry', () => {
    const a = actions();
    render(<Popup state={base({ probe: { status: 'error', url: PAGE.pageUrl, error: { code: 'protocol.timeout', message: 'slow' } } })} actions={a} />);
    expect(screen.getByRole('alert').textContent).toContain('did not answer in time');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(a.probe).toHaveBeenCalled();
  });

  it('job: live progress with percent, speed, ETA and cancel; then done with show-in-folder', () => {
    const a = actions();
    const { rerender } = render(<Popup state={base({ probe: probeOk, job: job({ progress: { percent: 42.4, speed: 2_500_000, etaSec: 12 } }) })} actions={a} />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');
    expect(screen.getByText('42%')).toBeTruthy();
    expect(screen.getByText('2.4 MB/s · 12 s left')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(a.cancel).toHaveBeenCalledWith('j1');
    rerender(<Popup state={base({ probe: probeOk, job: job({ status: 'done', path: '/home/u/Downloads/NexStream/Sunset.mp3' }) })} actions={a} />);
    expect(screen.getByText('Sunset.mp3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show in folder' }));
    expect(a.reveal).toHaveBeenCalledWith('/home/u/Downloads/NexStream/Sunset.mp3');
  });

  it('failed job says why', () => {
    render(<Popup state={base({ probe: probeOk, job: job({ status: 'failed', error: { code: 'media.no_audio', message: 'no audio' } }) })} actions={actions()} />);
    expect(screen.getByRole('alert').textContent).toContain('This source has no audio track.');
  });
});

describe('first paint', () => {
  it('shows the tab title before the background answers, with skeletons below', () => {
    performance.clearMarks();
    render(<Popup state={null} tab={{ url: 'https://example.com/watch', title: 'A tab title' }} actions={actions()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('A tab title');
    expect(screen.getByLabelText('Loading qualities')).toBeTruthy();
    expect(performance.getEntriesByName(FIRST_META_MARK)).toHaveLength(1);
  });
});
