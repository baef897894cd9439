// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import type { LogLine } from '../../../../shared/protocol/index.js';
import { DevtoolsPanel } from '../../../../extension/components/DevtoolsPanel.js';
import { PanelModel } from '../../../../extension/logs/panel-model.js';

afterEach(cleanup);

describe('panel under a 100,000-line flood', () => {
  it('keeps bounded memory, renders only visible rows, and stays fast per batch', () => {
    const frames: (() => void)[] = [];
    const model = new PanelModel({}, (fn) => void frames.push(fn));
    model.setLinked(true);
    render(<DevtoolsPanel model={model} link={{ send: () => undefined }} initialHeight={400} />);
    const jobs = ['a', 'b', 'c', 'd'];
    let applyMs = 0;
    let renderMs = 0;
    for (let b = 0; b < 20; b++) {
      const lines: LogLine[] = Array.from({ length: 5000 }, (_, i) => ({
        t: Date.now(),
        jobId: jobs[i % 4]!,
        source: 'ffmpeg',
        level: i % 3 ? 'info' : 'debug',
        text: i % 50 ? `line ${b * 5000 + i}` : `frame=${b * 5000 + i} fps=25`,
        ...(i % 50 ? {} : { replaceKey: 'progress' }),
      }));
      let t = performance.now();
      model.apply({ type: 'batch', lines, dropped: 0, jobs: [] });
      applyMs += performance.now() - t;
      t = performance.now();
      act(() => frames.splice(0).forEach((f) => f()));
      renderMs += performance.now() - t;
    }
    const total = model.store.size;
    console.log('[panel flood]', JSON.stringify({ lines: 100_000, kept: total, applyMsPerBatch: +(applyMs / 20).toFixed(1), renderMsPerFrame: +(renderMs / 20).toFixed(1), rowsInDom: document.querySelectorAll('.log-row').length }));
    expect(total).toBeLessThanOrEqual(4 * 5000);
    expect(document.querySelectorAll('.log-row').length).toBeLessThanOrEqual(45);
    // one updating progress line per job, not 500
    expect(model.store.lines('a').filter((l) => l.text.startsWith('frame=')).length).toBe(1);
    // generous bounds for a loaded 2-core CI box; typical numbers are printed above
    expect(applyMs / 20).toBeLessThan(500);
    expect(renderMs / 20).toBeLessThan(500);
  });
});
