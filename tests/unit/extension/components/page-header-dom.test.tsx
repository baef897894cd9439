// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PageHeader } from '../../../../extension/components/PageHeader.js';
import { FIRST_META_MARK, firstPaintDone, pageHeaderElement, prepaintHeader, prepaintedTab, setFirstPaint } from '../../../../extension/components/page-header-dom.js';

afterEach(cleanup);

describe('pre-React page header (popup first paint)', () => {
  it.each([
    { url: 'http://127.0.0.1:8080/demo.html', title: 'Sunset <Timelapse> & "more"' },
    { url: 'https://example.com/watch?v=1' },
  ])('is the same markup as <PageHeader> for a page without thumbnail ($url)', (tab) => {
    const { container } = render(<PageHeader page={{ pageUrl: tab.url, ...(tab.title ? { title: tab.title } : {}) }} mediaCount={0} />);
    expect(pageHeaderElement(tab).outerHTML).toBe(container.innerHTML);
  });

  it('paints once into an empty root, marks the first render and leaves the tab for React', () => {
    performance.clearMarks(FIRST_META_MARK);
    const root = document.createElement('div');
    const tab = { url: 'http://127.0.0.1:8080/demo.html', title: 'Demo' };
    expect(prepaintHeader(root, tab)).toBe(true);
    expect(root.querySelector('main.popup[data-view="loading"] h1.title')?.textContent).toBe('Demo');
    expect(performance.getEntriesByName(FIRST_META_MARK)).toHaveLength(1);
    expect(prepaintedTab()).toEqual(tab);
    // React already rendered: the pre-paint must not add a second header.
    expect(prepaintHeader(root, tab)).toBe(false);
    expect(root.querySelectorAll('header')).toHaveLength(1);
  });

  it('lets the popup bundle wait for the painted header, and no longer than its cap', async () => {
    const order: string[] = [];
    setFirstPaint(Promise.resolve(true));
    requestAnimationFrame(() => order.push('frame'));
    await firstPaintDone(5_000).then(() => order.push('app'));
    // The app goes after the frame that shows the header.
    expect(order).toEqual(['frame', 'app']);
    setFirstPaint(new Promise<boolean>(() => undefined));
    const t0 = performance.now();
    await firstPaintDone(30);
    expect(performance.now() - t0).toBeLessThan(1_000);
    setFirstPaint(Promise.resolve(false));
    await expect(firstPaintDone(5_000)).resolves.toBeUndefined();
  });
});
