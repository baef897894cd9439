// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { LogLine } from '../../../../shared/protocol/index.js';
import { LogView } from '../../../../extension/components/LogView.js';
import { LogStore } from '../../../../extension/logs/log-store.js';

afterEach(cleanup);

function storeWith(lines: Partial<LogLine>[]): LogStore {
  const s = new LogStore();
  lines.forEach((l, i) => s.add({ t: 1_700_000_000_000 + i, jobId: 'job-a', source: 'ffmpeg', level: 'info', text: `line ${i}`, ...l }));
  return s;
}
const texts = () => [...document.querySelectorAll('.log-row .log-text')].map((e) => e.textContent);

describe('LogView', () => {
  const lines: Partial<LogLine>[] = [
    { text: 'ffmpeg -i http://127.0.0.1/direct.mp4 out.mp4', level: 'info' },
    { text: 'frame=10 fps=25', level: 'debug', replaceKey: 'p' },
    { text: 'resolver: deezer answered first in 120 ms', source: 'resolver', jobId: 'job-b' },
    { text: 'Conversion failed!', level: 'error' },
    { text: 'slow provider', level: 'warn', jobId: 'job-b' },
  ];

  it('shows every line with level classes', () => {
    const s = storeWith(lines);
    render(<LogView lines={s.lines()} version={s.version} onClear={() => void 0} />);
    expect(texts()).toHaveLength(5);
    expect(document.querySelector('.log-row.lvl-error')?.textContent).toContain('Conversion failed!');
    expect(screen.getByText('5 lines')).toBeTruthy();
  });

  it('filters by text, /regex/, level and job', () => {
    const s = storeWith(lines);
    const { rerender } = render(<LogView lines={s.lines()} version={s.version} onClear={() => void 0} />);
    fireEvent.change(screen.getByLabelText('Filter log'), { target: { value: 'DEEZER' } });
    expect(texts()).toEqual(['resolver: deezer answered first in 120 ms']);
    fireEvent.change(screen.getByLabelText('Filter log'), { target: { value: '/^frame=\\d+/' } });
    expect(texts()).toEqual(['frame=10 fps=25']);
    fireEvent.change(screen.getByLabelText('Filter log'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'debug' }));
    fireEvent.click(screen.getByRole('button', { name: 'info' }));
    expect(texts()).toEqual(['Conversion failed!', 'slow provider']);
    rerender(<LogView lines={s.lines()} version={s.version} jobId="job-b" onClear={() => void 0} />);
    expect(texts()).toEqual(['slow provider']);
  });

  it('pause freezes the view while lines keep arriving, resume catches up', () => {
    const s = storeWith(lines);
    const { rerender } = render(<LogView lines={s.lines()} version={s.version} onClear={() => void 0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    s.add({ t: 1, jobId: 'job-a', source: 'ffmpeg', level: 'info', text: 'late line' });
    rerender(<LogView lines={s.lines()} version={s.version} onClear={() => void 0} />);
    expect(texts()).not.toContain('late line');
    fireEvent.click(screen.getByRole('button', { name: 'Resume (+1)' }));
    expect(texts()).toContain('late line');
  });

  it('updates a carriage-return progress line in place', () => {
    const s = storeWith(lines);
    const { rerender } = render(<LogView lines={s.lines()} version={s.version} onClear={() => void 0} />);
    s.add({ t: 2, jobId: 'job-a', source: 'ffmpeg', level: 'debug', text: 'frame=99 fps=25', replaceKey: 'p' });
    rerender(<LogView lines={s.lines()} version={s.version} onClear={() => void 0} />);
    expect(texts()).toHaveLength(5);
    expect(texts()[1]).toBe('frame=99 fps=25');
  });

  it('clear calls back, copy puts the job log on the clipboard, exports make Blob downloads', async () => {
    const s = storeWith(lines);
    const onClear = vi.fn();
    const writeText = vi.fn(async (_t: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    render(<LogView lines={s.lines()} version={s.version} jobId="job-b" onClear={onClear} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onClear).toHaveBeenCalledOnce();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Copy job log' })));
    expect(writeText.mock.calls[0]?.[0]).toMatch(/resolver \[job-b\] resolver: deezer/);
    expect(writeText.mock.calls[0]?.[0]).not.toContain('Conversion failed');
    fireEvent.click(screen.getByRole('button', { name: 'Export .log' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export .jsonl' }));
    expect(clicks[0]).toMatch(/^nexstream-.*\.log$/);
    expect(clicks[1]).toMatch(/^nexstream-.*\.jsonl$/);
    // the whole session, not just the selected job
    const jsonl = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsText(created[1]!);
    });
    expect(jsonl.trim().split('\n')).toHaveLength(5);
  });
});
