// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupActions } from '../../../../extension/components/Popup.js';
import { PopupState } from '../../../../extension/messages.js';
import { PRESETS } from './presets.js';

afterEach(cleanup);

const actions = (): PopupActions => ({ download: vi.fn(), cancel: vi.fn(), reveal: vi.fn(), dismiss: vi.fn(), probe: vi.fn() });
const PAGE = { pageUrl: 'http://127.0.0.1:8080/demo.html', title: 'Clip' };
const state = (result: Record<string, unknown>) =>
  PopupState.parse({
    tabId: 1,
    page: PAGE,
    mediaCount: 1,
    sources: [{ url: PAGE.pageUrl, kind: 'page', via: 'page-url' }],
    host: { status: 'ready', version: '0.1.0' },
    probe: { status: 'ok', url: PAGE.pageUrl, result: { url: PAGE.pageUrl, title: 'Clip', durationSec: 5, thumbnail: null, formats: [], presets: PRESETS, ...result } },
    job: null,
  });
const SUBS = [
  { lang: 'en', name: 'English', auto: false },
  { lang: 'de', name: 'de', auto: true },
];

describe('popup subtitles and live note', () => {
  it("ticks the options page's languages the source has and sends the ticked ones with a video download", () => {
    const a = actions();
    render(<Popup state={state({ subtitles: SUBS })} actions={a} subtitleLangs={['de', 'fr']} />);
    const de = screen.getByRole('checkbox', { name: /de · automatic/ }) as HTMLInputElement;
    const en = screen.getByRole('checkbox', { name: /English/ }) as HTMLInputElement;
    expect([de.checked, en.checked]).toEqual([true, false]);
    fireEvent.click(en);
    fireEvent.click(screen.getByRole('button', { name: /^Download/ }));
    expect(a.download).toHaveBeenCalledWith(expect.any(String), ['de', 'en']);
  });

  it('no picker without subtitles; a live source says it is refused', () => {
    render(<Popup state={state({ live: 'is_live' })} actions={actions()} />);
    expect(screen.queryByRole('group', { name: 'Subtitles' })).toBeNull();
    expect(screen.getByRole('note').textContent).toMatch(/live stream/);
  });
});

describe('sign-in offer', () => {
  const failed = (code: string) =>
    PopupState.parse({
      tabId: 1,
      page: PAGE,
      mediaCount: 0,
      sources: [{ url: PAGE.pageUrl, kind: 'page', via: 'page-url' }],
      host: { status: 'ready', version: '0.1.0' },
      probe: { status: 'error', url: PAGE.pageUrl, error: { code, message: 'HTTP Error 403: Forbidden' } },
      job: null,
    });

  it('a sign-in, bot-check or 403 failure offers the browser sign-in for that site, even with no media detected', () => {
    const a = { ...actions(), signIn: vi.fn() };
    render(<Popup state={failed('media.forbidden')} actions={a} />);
    fireEvent.click(screen.getByRole('button', { name: 'Use my browser’s sign-in for 127.0.0.1:8080' }));
    expect(a.signIn).toHaveBeenCalledWith('http://127.0.0.1:8080');
    expect(screen.getByRole('alert').textContent).toContain('--cookies');
  });

  it('other failures do not', () => {
    render(<Popup state={failed('media.geo_blocked')} actions={{ ...actions(), signIn: vi.fn() }} />);
    expect(screen.queryByRole('button', { name: /sign-in/ })).toBeNull();
  });
});
