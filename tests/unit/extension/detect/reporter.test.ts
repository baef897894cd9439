// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { startPageReporter } from '../../../../extension/detect/reporter.js';
import type { PageReport } from '../../../../extension/detect/types.js';
import { loadFixture } from './load-fixture.js';

describe('page reporter', () => {
  it('reports at once, again (debounced) when a video is added, and not for unrelated changes', async () => {
    const doc = loadFixture('empty.html');
    const sent: PageReport[] = [];
    const ac = new AbortController();
    startPageReporter({ doc, location: () => 'http://127.0.0.1:9/late.html', send: (r) => sent.push(r), signal: ac.signal, debounceMs: 10 });
    expect(sent).toHaveLength(1);
    for (const n of [1, 2, 3]) {
      const v = doc.createElement('video');
      v.src = `/clip-${n}.mp4`;
      doc.body.append(v);
    }
    await new Promise((r) => setTimeout(r, 40));
    expect(sent).toHaveLength(2);
    expect(sent[1]!.items.filter((i) => i.via === 'dom-video').map((i) => i.url)).toEqual([
      'http://127.0.0.1:9/clip-1.mp4',
      'http://127.0.0.1:9/clip-2.mp4',
      'http://127.0.0.1:9/clip-3.mp4',
    ]);
    ac.abort();
  });
});
