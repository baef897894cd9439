import { describe, expect, it } from 'vitest';
import { batchPrefetch } from '../../../../native-host/jobs/batch-prefetch.js';

describe('batch prefetch', () => {
  it('resolves the first chunk before the batch starts, then stays one chunk ahead of the launches', async () => {
    const chunks: number[][] = [];
    const items = Array.from({ length: 25 }, (_, i) => ({ url: `http://h/${i + 1}`, index: i + 1 }));
    const p = batchPrefetch(async (_u, urls) => void chunks.push([...urls.keys()]), 'http://h/p', items, new AbortController().signal, 10);
    await p.first();
    expect(chunks).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    for (let i = 0; i < 4; i++) p.launched();
    expect(chunks).toHaveLength(1);
    p.launched();
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    await new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 10; i++) p.launched();
    expect(chunks.at(-1)).toEqual([21, 22, 23, 24, 25]);
  });
  it('a failing chunk only means the items probe themselves', async () => {
    const p = batchPrefetch(async () => Promise.reject(new Error('yt-dlp died')), 'http://h/p', [{ url: 'http://h/1', index: 1 }], new AbortController().signal);
    await expect(p.first()).resolves.toBeUndefined();
  });
});

describe('batch prefetch streams', () => {
  it('an item waits for its own entry only, not for the rest of its chunk', async () => {
    let give: (index: number) => void = () => {};
    let end: () => void = () => {};
    const items = Array.from({ length: 4 }, (_, i) => ({ url: `http://h/${i + 1}`, index: i + 1 }));
    const p = batchPrefetch(
      (_u, _urls, _s, onEntry) => {
        give = onEntry;
        return new Promise<void>((r) => (end = r));
      },
      'http://h/p',
      items,
      new AbortController().signal,
      10,
    );
    void p.first();
    let first = false;
    let third = false;
    void p.ready(1).then(() => (first = true));
    void p.ready(3).then(() => (third = true));
    give(1);
    await new Promise((r) => setTimeout(r, 0));
    expect([first, third]).toEqual([true, false]);
    // The run ends without entry 3 (yt-dlp could not resolve it): its item probes itself.
    end();
    await new Promise((r) => setTimeout(r, 0));
    expect(third).toBe(true);
    // An entry no chunk covers is ready at once.
    await expect(p.ready(99)).resolves.toBeUndefined();
  });
});
