// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupActions } from '../../../../extension/components/Popup.js';
import { PopupState } from '../../../../extension/messages.js';
import type { JobInfo } from '../../../../shared/protocol/index.js';
import { PRESETS } from './presets.js';

afterEach(cleanup);

const actions = () => ({ download: vi.fn(), cancel: vi.fn(), reveal: vi.fn(), dismiss: vi.fn(), probe: vi.fn(), record: vi.fn(), stop: vi.fn() }) satisfies PopupActions;
const PAGE = { pageUrl: 'http://127.0.0.1:8080/live.html', title: 'Morning Show' };
const state = (live: string, job: JobInfo | null = null) =>
  PopupState.parse({
    tabId: 1,
    page: PAGE,
    mediaCount: 1,
    sources: [{ url: PAGE.pageUrl, kind: 'page', via: 'page-url' }],
    host: { status: 'ready', version: '0.1.0' },
    probe: { status: 'ok', url: PAGE.pageUrl, result: { url: PAGE.pageUrl, title: 'Morning Show', durationSec: null, thumbnail: null, formats: [], presets: PRESETS, live } },
    job,
  });
const recording = (over: Partial<JobInfo> = {}): JobInfo => ({ id: 'j1', kind: 'download', status: 'running', url: PAGE.pageUrl, preset: 'best', live: true, createdAt: 1, progress: { percent: null, speed: 90_000, etaSec: null, outTimeSec: 72.4, bytes: 3_500_000 }, ...over });

describe('popup on a live stream', () => {
  it('says "Live now" and records the chosen quality from now (no Download button)', () => {
    const a = actions();
    render(<Popup state={state('is_live')} actions={a} />);
    expect(screen.getByRole('status').textContent).toContain('Live now');
    expect(screen.queryByRole('button', { name: /^Download/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Record from now/ }));
    expect(a.record).toHaveBeenCalledWith(expect.any(String));
    expect(a.download).not.toHaveBeenCalled();
  });

  it('a running recording shows the time and size recorded; Stop and Cancel are different actions', () => {
    const a = actions();
    render(<Popup state={state('is_live', recording())} actions={a} />);
    expect(screen.getByText('1:12')).toBeTruthy();
    expect(screen.getByText('3.3 MB')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Stop/ }));
    expect(a.stop).toHaveBeenCalledWith('j1');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(a.cancel).toHaveBeenCalledWith('j1');
  });

  it('a finished recording shows the saved file like any download', () => {
    render(<Popup state={state('is_live', recording({ status: 'done', path: '/home/u/Morning Show (live 2026-12-01 21.05).mp4' }))} actions={actions()} />);
    expect(screen.getByText(/Saved/).textContent).toContain('Morning Show (live 2026-12-01 21.05).mp4');
    expect(screen.queryByRole('button', { name: /Stop/ })).toBeNull();
  });

  it('an event that has not started offers neither recording nor download, says why, and can look again', () => {
    const a = actions();
    render(<Popup state={state('is_upcoming')} actions={a} />);
    expect(screen.queryByRole('button', { name: /Record/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Download/ })).toBeNull();
    expect(screen.getByRole('note').textContent).toMatch(/not started yet/);
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(a.probe).toHaveBeenCalled();
  });
});
