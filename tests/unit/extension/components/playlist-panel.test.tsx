// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlaylistPanel } from '../../../../extension/components/PlaylistPanel.js';
import { BatchProgress } from '../../../../extension/components/BatchProgress.js';
import { BatchStore } from '../../../../extension/background/batches.js';
import { PRESETS } from './presets.js';

afterEach(cleanup);

const entries = Array.from({ length: 5000 }, (_, i) => ({ index: i + 1, id: `v${i + 1}`, title: `Video ${i + 1}`, durationSec: 61, url: `https://example.com/v${i + 1}` }));

describe('PlaylistPanel', () => {
  it('windows a 5,000-entry list, all checked; unchecking and the prefix reach onStart', () => {
    const onStart = vi.fn();
    const onMore = vi.fn();
    render(<PlaylistPanel playlist={{ title: 'Big', count: 5000, entries, offset: 0, complete: true }} presets={PRESETS} defaultPreset="mp3-320" onMore={onMore} onStart={onStart} />);
    // Only the rows in view (plus overscan) exist.
    expect(document.querySelectorAll('.playlist-row').length).toBeLessThan(40);
    expect(onMore).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText('Include Video 2'));
    fireEvent.click(screen.getByTestId('index-prefix'));
    fireEvent.click(screen.getByText('Download 4999'));
    const [preset, indices, prefix] = onStart.mock.calls[0] as [string, number[], boolean];
    expect(preset).toBe('mp3-320');
    expect(indices).toHaveLength(4999);
    expect(indices).not.toContain(2);
    expect(prefix).toBe(true);
  });
  it('asks for more pages while the listing is incomplete', () => {
    const onMore = vi.fn();
    render(<PlaylistPanel playlist={{ title: 'P', count: null, entries: entries.slice(0, 100), offset: 0, complete: false }} presets={[]} defaultPreset={null} onMore={onMore} onStart={() => {}} />);
    expect(onMore).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/listing…/)).toBeTruthy();
  });
});

describe('BatchProgress from host events', () => {
  it('shows totals and item states; cancel one, retry the failed', () => {
    const store = new BatchStore();
    const base = { id: 'b1', title: 'P', folder: '/d/P', preset: 'mp3-320' as const, total: 3, skipped: 0, cancelled: 0, bytes: 2048, etaSec: 5, createdAt: 1 };
    store.apply({ kind: 'event', event: 'batch.state', batch: { ...base, status: 'running', done: 1, failed: 0 } });
    store.apply({ kind: 'event', event: 'batch.item', jobId: 'b1', item: { index: 1, title: 'A', status: 'done', path: '/d/P/A.mp3' } });
    store.apply({ kind: 'event', event: 'batch.item', jobId: 'b1', item: { index: 2, title: 'B', status: 'running', jobId: 'j2', percent: 40 } });
    store.apply({ kind: 'event', event: 'batch.item', jobId: 'b1', item: { index: 3, title: 'C', status: 'queued' } });
    expect(store.owns('j2')).toBe(true);
    const onCancel = vi.fn();
    const view = render(<BatchProgress batch={store.get('b1')!} onCancel={onCancel} onRetry={() => {}} onReveal={() => {}} />);
    expect(screen.getByTestId('batch-totals').textContent).toContain('1/3');
    expect(screen.getByText('40 %')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Cancel B'));
    expect(onCancel).toHaveBeenCalledWith(2);
    store.apply({ kind: 'event', event: 'batch.state', batch: { ...base, status: 'done', done: 2, failed: 1, items: [{ index: 3, title: 'C', status: 'failed', error: { code: 'media.unavailable', message: 'gone' } }] } });
    const onRetry = vi.fn();
    view.rerender(<BatchProgress batch={store.get('b1')!} onCancel={onCancel} onRetry={onRetry} onReveal={() => {}} />);
    expect(document.querySelector('.batch-row[data-index="3"]')?.getAttribute('data-status')).toBe('failed');
    fireEvent.click(screen.getByText('Retry failed'));
    expect(onRetry).toHaveBeenCalled();
  });
});
