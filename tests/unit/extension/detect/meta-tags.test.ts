// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { metaTags } from '../../../../extension/detect/meta-tags.js';
import { loadFixture } from './load-fixture.js';

describe('meta-tags detector', () => {
  it('reads og:video (secure url first), og:audio, twitter:player, title, image and duration', () => {
    const found = metaTags.detect(loadFixture('meta-tags.html'), 'https://www.example.com/watch/bbb');
    expect(found.items).toEqual([
      { url: 'https://media.example.com/bbb-secure.mp4', kind: 'video', via: 'meta-tags', mime: 'video/mp4' },
      { url: 'https://www.example.com/audio/theme.m4a', kind: 'audio', via: 'meta-tags' },
      { url: 'https://www.example.com/embed/bbb', kind: 'page', via: 'meta-tags' },
    ]);
    expect(found.meta).toEqual({ title: 'Big Buck Bunny', thumbnail: 'https://img.example.com/bbb.jpg', durationSec: 596 });
  });

  it('treats an og:video that is an HTML embed as a page for yt-dlp', () => {
    document.head.innerHTML = '<meta property="og:video" content="https://e.example.com/embed/1"><meta property="og:video:type" content="text/html">';
    expect(metaTags.detect(document, 'https://e.example.com/').items).toEqual([
      { url: 'https://e.example.com/embed/1', kind: 'page', via: 'meta-tags', mime: 'text/html' },
    ]);
  });

  it('finds nothing on a plain page', () => {
    expect(metaTags.detect(loadFixture('empty.html'), 'https://example.com/')).toEqual({ items: [], meta: {} });
  });
});
