// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import { VirtualList } from '../../../../extension/components/VirtualList.js';

afterEach(cleanup);

function Harness({ count, startFollow = true }: { count: number; startFollow?: boolean }) {
  const [follow, setFollow] = useState(startFollow);
  return (
    <div data-follow={String(follow)}>
      <VirtualList count={count} rowHeight={18} initialHeight={360} follow={follow} onFollowChange={setFollow} renderRow={(i) => <div key={i} role="listitem">row {i}</div>} label="rows" />
    </div>
  );
}

const rows = (c: HTMLElement) => [...c.querySelectorAll('[role=listitem]')].map((e) => e.textContent);
const scroller = (c: HTMLElement) => c.querySelector('[role=list]') as HTMLElement;

describe('VirtualList', () => {
  it('renders only the rows in view for 100,000 items', () => {
    const t0 = performance.now();
    const { container } = render(<Harness count={100_000} startFollow={false} />);
    const ms = performance.now() - t0;
    const r = rows(container);
    // 360 px / 18 px = 20 visible rows, plus 10 overscan below (none above at the top)
    expect(r.length).toBeLessThanOrEqual(31);
    expect(r[0]).toBe('row 0');
    expect(ms).toBeLessThan(1000);
    expect(scroller(container).getAttribute('aria-rowcount')).toBe('100000');
  });

  it('follows the tail by default', () => {
    const { container } = render(<Harness count={100_000} />);
    const r = rows(container);
    expect(r.at(-1)).toBe('row 99999');
    expect(r.length).toBeLessThanOrEqual(31);
  });

  it('renders the window the user scrolls to', () => {
    const { container } = render(<Harness count={100_000} startFollow={false} />);
    const el = scroller(container);
    act(() => {
      el.scrollTop = 50_000 * 18;
      fireEvent.scroll(el);
    });
    const r = rows(container);
    expect(r).toContain('row 50000');
    expect(r).toContain('row 50019');
    expect(r).not.toContain('row 0');
  });

  it('stops following when the user scrolls up and resumes at the bottom', () => {
    const { container, rerender } = render(<Harness count={1000} />);
    const el = scroller(container);
    const follow = () => container.querySelector('[data-follow]')?.getAttribute('data-follow');
    expect(follow()).toBe('true');
    act(() => {
      el.scrollTop = 100;
      fireEvent.scroll(el);
    });
    expect(follow()).toBe('false');
    rerender(<Harness count={2000} />);
    expect(rows(container)).not.toContain('row 1999'); // new lines did not yank the view
    act(() => {
      el.scrollTop = 2000 * 18 - 360;
      fireEvent.scroll(el);
    });
    expect(follow()).toBe('true');
  });

  it('End key resumes following', () => {
    const { container } = render(<Harness count={1000} startFollow={false} />);
    act(() => void fireEvent.keyDown(scroller(container), { key: 'End' }));
    expect(container.querySelector('[data-follow]')?.getAttribute('data-follow')).toBe('true');
    expect(rows(container).at(-1)).toBe('row 999');
  });
});
