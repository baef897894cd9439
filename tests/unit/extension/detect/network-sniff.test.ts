import { describe, expect, it } from 'vitest';
import { MAX_SNIFFED_PER_TAB, SniffStore, classifyRequest, contentTypeOf } from '../../../../extension/detect/network-sniff.js';

describe('network-sniff classifier', () => {
  it.each([
    ['https://cdn.example.com/live/master.m3u8?token=1', null, 'hls'],
    ['https://cdn.example.com/v/manifest.mpd', null, 'dash'],
    ['https://cdn.example.com/v/clip.mp4', null, 'video'],
    ['https://cdn.example.com/v/clip.webm', null, 'video'],
    ['https://cdn.example.com/a/song.m4a', null, 'audio'],
    ['https://cdn.example.com/a/song.mp3', null, 'audio'],
    ['https://cdn.example.com/playlist', 'application/vnd.apple.mpegURL', 'hls'],
    ['https://cdn.example.com/stream?id=4', 'video/mp4; codecs="avc1"', 'video'],
    ['https://cdn.example.com/getaudio', 'audio/mpeg', 'audio'],
  ])('%s (%s) is %s', (url, type, kind) => expect(classifyRequest(url, type)?.kind).toBe(kind));

  it.each([
    ['https://cdn.example.com/seg/0001.ts', 'video/mp2t'],
    ['https://cdn.example.com/seg/chunk-3.m4s', null],
    ['https://cdn.example.com/app.js', 'text/javascript'],
    ['https://cdn.example.com/img.jpg', 'image/jpeg'],
    ['data:video/mp4;base64,AA', null],
  ])('ignores %s', (url, type) => expect(classifyRequest(url, type)).toBeNull());

  it('reads Content-Type case-insensitively', () => {
    expect(contentTypeOf([{ name: 'content-length', value: '3' }, { name: 'Content-Type', value: 'video/webm' }])).toBe('video/webm');
    expect(contentTypeOf(undefined)).toBeNull();
  });
});

describe('SniffStore', () => {
  it('keeps items per tab, deduplicated, manifests first, and clears on navigation', () => {
    const store = new SniffStore();
    expect(store.add(1, classifyRequest('https://a.example/v.mp4')!)).toBe(true);
    expect(store.add(1, classifyRequest('https://a.example/v.mp4', 'video/mp4')!)).toBe(false);
    store.add(1, classifyRequest('https://a.example/master.m3u8')!);
    store.add(2, classifyRequest('https://b.example/x.mp3')!);
    expect(store.get(1).map((i) => i.kind)).toEqual(['hls', 'video']);
    expect(store.get(1)[1]?.mime).toBe('video/mp4');
    expect(store.get(2)).toHaveLength(1);
    store.clear(1);
    expect(store.get(1)).toEqual([]);
    expect(store.get(2)).toHaveLength(1);
  });

  it('is bounded per tab', () => {
    const store = new SniffStore();
    for (let i = 0; i < MAX_SNIFFED_PER_TAB + 20; i++) store.add(1, classifyRequest(`https://a.example/${i}.mp4`)!);
    expect(store.get(1)).toHaveLength(MAX_SNIFFED_PER_TAB);
  });
});
