import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualListProps {
  count: number;
  /** Fixed row height in px; rows never wrap, so windowing is plain arithmetic. */
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  /** Keep the view pinned to the newest row. */
  follow: boolean;
  /** Called when the user scrolls away from the bottom (false) or back to it (true). */
  onFollowChange: (follow: boolean) => void;
  /** Extra rows rendered above and below the viewport. Default 10. */
  overscan?: number;
  /** Height to assume before layout can be measured (jsdom, first paint). Default 400. */
  initialHeight?: number;
  className?: string;
  label?: string;
}

/**
 * A windowed list: only the rows in view (plus overscan) exist in the DOM, so 100,000 lines cost
 * the same to render as 40. Follows the tail like a terminal until the user scrolls up.
 */
export function VirtualList({ count, rowHeight, renderRow, follow, onFollowChange, overscan = 10, initialHeight = 400, className, label }: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);
  // Our own scrollTop writes also fire scroll events; one landing where we put it is not "the user scrolled".
  const lastSet = useRef(-1);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || initialHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [initialHeight]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !follow) return;
    const bottom = Math.max(0, count * rowHeight - height);
    if (el.scrollTop !== bottom) el.scrollTop = bottom;
    lastSet.current = el.scrollTop;
    setScrollTop(bottom);
  }, [count, follow, rowHeight, height]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    if (el.scrollTop === lastSet.current) return;
    lastSet.current = -1;
    const atBottom = el.scrollTop + height >= count * rowHeight - rowHeight / 2;
    if (atBottom !== follow) onFollowChange(atBottom);
  }, [count, rowHeight, height, follow, onFollowChange]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      // Home/End/PageUp/PageDown scroll natively; End also means "follow again", like `tail -f`.
      if (e.key === 'End') onFollowChange(true);
      if (e.key === 'Home' || e.key === 'PageUp') onFollowChange(false);
    },
    [onFollowChange],
  );

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(renderRow(i));

  return (
    <div ref={ref} className={className} onScroll={onScroll} onKeyDown={onKeyDown} tabIndex={0} role="list" aria-label={label} aria-rowcount={count} style={{ overflow: 'auto', position: 'relative' }}>
      <div style={{ height: count * rowHeight, position: 'relative', minWidth: '100%', width: 'max-content' }}>
        <div style={{ position: 'absolute', top: first * rowHeight, left: 0, right: 0 }}>{rows}</div>
      </div>
    </div>
  );
}
