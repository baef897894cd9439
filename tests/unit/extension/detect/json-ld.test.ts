// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from '../../../../shared/iso-duration.js';
import { jsonLd } from '../../../../extension/detect/json-ld.js';
import { loadFixture } from './load-fixture.js';

describe('json-ld detector', () => {
  it('reads a VideoObject inside @graph and skips broken blocks', () => {
    const found = jsonLd.detect(loadFixture('json-ld.html'), 'https://videos.example.com/watch/pasta');
    expect(found.meta).toEqual({ title: 'How to make pasta', thumbnail: 'https://videos.example.com/thumbs/pasta.jpg', durationSec: 3723 });
    expect(found.items).toEqual([
      { url: 'https://videos.example.com/pasta.mp4', kind: 'video', via: 'json-ld' },
      { url: 'https://videos.example.com/embed/pasta', kind: 'page', via: 'json-ld' },
    ]);
  });

  it('ignores pages without JSON-LD media', () => {
    expect(jsonLd.detect(loadFixture('empty.html'), 'https://example.com/')).toEqual({ items: [], meta: {} });
  });
});

describe('parseIsoDuration', () => {
  it.each([
    ['PT1H2M3S', 3723],
    ['PT4M', 240],
    ['PT0.5S', 0.5],
    ['P1DT1S', 86401],
    ['pt2m5s', 125],
  ])('%s -> %d s', (text, seconds) => expect(parseIsoDuration(text)).toBe(seconds));

  it.each(['', 'P', 'PT', '3:05', 'PT0S', 'garbage'])('rejects %j', (text) => expect(parseIsoDuration(text)).toBeNull());
});
