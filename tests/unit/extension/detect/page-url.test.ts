// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pageUrl } from '../../../../extension/detect/page-url.js';
import { loadFixture } from './load-fixture.js';

describe('page-url detector', () => {
  it('offers the page itself for the host to probe, with document.title', () => {
    const found = pageUrl.detect(loadFixture('empty.html'), 'https://www.youtube.com/watch?v=abc');
    expect(found.items).toEqual([{ url: 'https://www.youtube.com/watch?v=abc', kind: 'page', via: 'page-url' }]);
    expect(found.meta.title).toBe('Just text');
  });

  it('knows a tab showing a media file directly', () => {
    expect(pageUrl.detect(loadFixture('empty.html'), 'http://127.0.0.1:8080/a/clip.mp4').items[0]?.kind).toBe('video');
  });

  it('offers nothing for non-http pages', () => {
    expect(pageUrl.detect(loadFixture('empty.html'), 'chrome://extensions/').items).toEqual([]);
  });
});
