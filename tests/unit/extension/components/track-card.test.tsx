// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrackCard, type TrackActions } from '../../../../extension/components/TrackCard.js';
import { agreementBars, matchReason, trackViewKind, youtubeUrl } from '../../../../extension/components/track-view.js';
import { BREAKDOWN, session, toView } from './track-fixtures.js';

afterEach(cleanup);

const actions = (): TrackActions => ({ download: vi.fn(), pick: vi.fn(), cancel: vi.fn(), reveal: vi.fn(), dismiss: vi.fn(), retry: vi.fn() });
const field = (name: string) => document.querySelector(`[data-field="${name}"]`);

describe('TrackCard states', () => {
  it('hydrating: the page meta shows at once, no downloads before a match', () => {
    const { s } = session('meta');
    render(<TrackCard state={toView(s)} actions={actions()} />);
    expect(field('title')?.textContent).toBe('One More Time');
    expect(field('artists')?.textContent).toBe('Daft Punk');
    expect(screen.getByRole('status').textContent).toMatch(/Finding the best source/);
    expect(document.querySelector('[data-preset]')).toBeNull();
    expect(field('verified')).toBeNull();
  });

  it('partial: the first provider refines it (album, ISRC, level) without erasing the page cover', () => {
    const { s } = session('partial');
    render(<TrackCard state={toView(s)} actions={actions()} />);
    expect(field('isrc')?.textContent).toContain('GBDUW0000053');
    expect(field('level')?.textContent).toBe('ISRC match');
    expect(screen.getByText(/Discovery/)).toBeTruthy();
    expect(document.querySelector<HTMLImageElement>('.cover img')?.src).toBe('https://i.scdn.co/image/abc');
    expect(screen.getByRole('status').textContent).toContain('deezer answered');
  });

  it('verified: badge, hi-res cover, preview player, the match and why', () => {
    const { s } = session('done');
    render(<TrackCard state={toView(s)} actions={actions()} />);
    expect(field('verified')).not.toBeNull();
    expect(document.querySelector<HTMLImageElement>('.cover img')?.src).toContain('1200x1200bb');
    expect(document.querySelector<HTMLAudioElement>('.preview audio')?.src).toBe('https://cdnt-preview.dzcdn.net/preview.mp3');
    expect(field('match')?.getAttribute('href')).toBe('https://music.youtube.com/watch?v=FGBhQbmPwH8');
    const meters = screen.getAllByRole('meter').map((m) => [m.getAttribute('aria-label'), m.getAttribute('aria-valuenow')]);
    expect(meters).toEqual([
      ['Title agreement', '100'],
      ['Artist agreement', '95'],
      ['Duration agreement', '60'],
      ['Channel agreement', '100'],
    ]);
    expect(screen.getByText(/Title, artist and channel agree; found by the ISRC and YouTube Music songs search\./)).toBeTruthy();
  });

  it('no confident match: says so and lists the candidates open; a pick is sent', () => {
    const { s } = session('no-match');
    const a = actions();
    render(<TrackCard state={toView(s)} actions={a} />);
    expect(document.querySelector('main')?.getAttribute('data-view')).toBe('no-match');
    expect(screen.getByText('No confident match')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Other candidates' });
    expect(within(list).getAllByRole('button')).toHaveLength(3);
    fireEvent.click(within(list).getByText('One More Time (Live 2007)'));
    expect(a.pick).toHaveBeenCalledWith('https://www.youtube.com/watch?v=live1');
  });

  it('"not this one?": other candidates and a pasted YouTube URL (validated before it is sent)', () => {
    const { s } = session('done');
    const a = actions();
    render(<TrackCard state={toView(s)} actions={a} />);
    expect(screen.getByText('Not this one?')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /Official Video|Live 2007/ })).toHaveLength(2); // the match itself is not offered again
    const input = screen.getByLabelText('Or paste a YouTube link');
    fireEvent.change(input, { target: { value: 'https://evil.example/watch?v=x' } });
    fireEvent.submit(input.closest('form')!);
    expect(a.pick).not.toHaveBeenCalled();
    expect(screen.getByText('That is not a YouTube video link.')).toBeTruthy();
    fireEvent.change(input, { target: { value: ' https://youtu.be/dQw4w9WgXcQ ' } });
    fireEvent.submit(input.closest('form')!);
    expect(a.pick).toHaveBeenCalledWith('https://youtu.be/dQw4w9WgXcQ');
  });

  it('collection link: explains it is an album or playlist, no candidates', () => {
    const { s } = session('collection');
    render(<TrackCard state={toView(s)} actions={actions()} />);
    expect(screen.getByText('This is an album or playlist')).toBeTruthy();
    expect(screen.queryByText('Not this one?')).toBeNull();
  });

  it('host missing and expired sessions have their own cards', () => {
    const { s } = session('meta');
    render(<TrackCard state={toView(s, { host: { status: 'not_installed' } })} actions={actions()} />);
    expect(screen.getByText('Finish setting up NexStream')).toBeTruthy();
    cleanup();
    render(<TrackCard state={null} missing actions={actions()} />);
    expect(screen.getByText('This lookup has expired')).toBeTruthy();
  });

  it('preset buttons: MP3 320, M4A, FLAC, Opus, each one click; a running job replaces them', () => {
    const { s } = session('done');
    const a = actions();
    const { rerender } = render(<TrackCard state={toView(s)} actions={a} />);
    const buttons = [...document.querySelectorAll('button[data-preset]')];
    expect(buttons.map((b) => b.getAttribute('data-preset'))).toEqual(['mp3-320', 'm4a', 'flac', 'opus']);
    for (const b of buttons) fireEvent.click(b);
    expect(vi.mocked(a.download).mock.calls.map((c) => c[0])).toEqual(['mp3-320', 'm4a', 'flac', 'opus']);
    rerender(<TrackCard state={toView(s, { job: { id: 'j1', kind: 'download', status: 'running', url: s.match!.url, preset: 'flac', createdAt: 1, progress: { percent: 40, speed: null, etaSec: null } } })} actions={a} />);
    expect(document.querySelector('button[data-preset]')).toBeNull();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
  });
});

describe('track view helpers', () => {
  it('view kinds', () => {
    expect(trackViewKind(null)).toBe('loading');
    expect(trackViewKind(null, true)).toBe('missing');
    expect(trackViewKind(toView(session('done').s))).toBe('matched');
    expect(trackViewKind(toView(session('meta').s, { status: 'error', error: { code: 'resolver.unsupported_link', message: 'x' } }))).toBe('unsupported');
  });

  it('breakdown explanation: clamped bars, markers named, a pick explained as yours', () => {
    expect(agreementBars({ ...BREAKDOWN, title: 1.3, duration: -0.2 }).map((b) => b.value)).toEqual([1, 0.95, 0, 1]);
    expect(matchReason({ ...BREAKDOWN, title: 0.3, artist: 0.2, duration: 0.2, channel: 0.1, markers: ['live'] }, 'videos')).toBe('Closest candidate; found by the YouTube videos search; marked live.');
    expect(matchReason(BREAKDOWN, 'you')).toBe('You picked this source.');
  });

  it('pasted links: YouTube watch and youtu.be only', () => {
    expect(youtubeUrl('https://music.youtube.com/watch?v=abc')).toBe('https://music.youtube.com/watch?v=abc');
    expect(youtubeUrl('https://www.youtube.com/channel/x')).toBeNull();
    expect(youtubeUrl('javascript:alert(1)')).toBeNull();
  });
});
