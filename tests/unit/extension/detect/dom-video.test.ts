// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { domVideo, observeDomMedia } from '../../../../extension/detect/dom-video.js';
import { loadFixture } from './load-fixture.js';

const PAGE = 'https://example.com/videos/sunset.html';

describe('dom-video detector', () => {
  it('finds <video src> and <source> children, resolved against the page, with kinds', () => {
    const found = domVideo.detect(loadFixture('video-page.html'), PAGE);
    expect(found.items).toEqual([
      { url: 'https://example.com/videos/media/sunset.mp4', kind: 'video', via: 'dom-video' },
      { url: 'https://example.com/videos/media/sunset-720.webm', kind: 'video', via: 'dom-video', mime: 'video/webm' },
      { url: 'https://cdn.example.com/sunset.m3u8', kind: 'hls', via: 'dom-video', mime: 'application/vnd.apple.mpegurl' },
    ]);
    expect(found.meta.thumbnail).toBe('https://example.com/videos/poster.jpg');
    expect(found.blobPlayer).toBe(false);
  });

  it('finds <audio> sources and flags blob: players', () => {
    const found = domVideo.detect(loadFixture('audio-blob.html'), 'https://pod.example.com/ep/12');
    expect(found.items.map((i) => [i.url, i.kind])).toEqual([
      ['https://pod.example.com/audio/ep12.mp3', 'audio'],
      ['https://pod.example.com/audio/ep12.ogg', 'audio'],
    ]);
    expect(found.blobPlayer).toBe(true);
  });

  it('finds nothing on a page without media', () => {
    expect(domVideo.detect(loadFixture('empty.html'), PAGE).items).toEqual([]);
  });

  it('notices a <video> added after load', async () => {
    const doc = loadFixture('empty.html');
    const onChange = vi.fn();
    const ac = new AbortController();
    observeDomMedia(doc, onChange, ac.signal);
    const wrapper = doc.createElement('div');
    wrapper.innerHTML = '<video src="/late.mp4"></video>';
    doc.body.append(wrapper);
    await new Promise((r) => setTimeout(r, 0));
    expect(onChange).toHaveBeenCalled();
    expect(domVideo.detect(doc, PAGE).items[0]?.url).toBe('https://example.com/late.mp4');

    // unrelated DOM churn does not trigger a re-report; abort stops observing
    onChange.mockClear();
    doc.body.append(doc.createElement('p'));
    await new Promise((r) => setTimeout(r, 0));
    expect(onChange).not.toHaveBeenCalled();
    ac.abort();
    doc.body.append(doc.createElement('video'));
    await new Promise((r) => setTimeout(r, 0));
    expect(onChange).not.toHaveBeenCalled();
  });
});
