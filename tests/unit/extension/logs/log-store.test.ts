import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../../shared/protocol/index.js';
import { LogStore } from '../../../../extension/logs/log-store.js';
import { collapseCarriageReturns } from '../../../../extension/logs/carriage-return.js';

const line = (text: string, extra: Partial<LogLine> = {}): LogLine => ({ t: 1, jobId: 'j1', source: 'ffmpeg', level: 'info', text, ...extra });

describe('LogStore', () => {
  it('bounds each job to perJob lines and counts what it trimmed', () => {
    const s = new LogStore({ perJob: 5000 });
    for (let i = 0; i < 12_000; i++) s.add(line(`l${i}`));
    for (let i = 0; i < 10; i++) s.add(line(`g${i}`, { jobId: null }));
    expect(s.lines('j1')).toHaveLength(5000);
    expect(s.lines('j1')[0]?.text).toBe('l7000');
    expect(s.trimmedCount('j1')).toBe(7000);
    expect(s.lines(null)).toHaveLength(10);
    expect(s.size).toBe(5010);
  });

  it('merges jobs and job-less lines in arrival order', () => {
    const s = new LogStore();
    s.add(line('a', { jobId: 'x' }));
    s.add(line('b', { jobId: null }));
    s.add(line('c', { jobId: 'y' }));
    s.add(line('d', { jobId: 'x' }));
    expect(s.lines().map((l) => l.text)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('collapses lines sharing a replaceKey into one updating line', () => {
    const s = new LogStore();
    s.add(line('ffmpeg -i in.mp4 out.mp4'));
    for (let f = 1; f <= 1000; f++) s.add(line(`frame=${f}`, { replaceKey: 'ffmpeg-progress' }));
    s.add(line('done'));
    expect(s.lines('j1').map((l) => l.text)).toEqual(['ffmpeg -i in.mp4 out.mp4', 'frame=1000', 'done']);
  });

  it('keeps replaceKeys apart per job', () => {
    const s = new LogStore();
    s.add(line('a1', { jobId: 'a', replaceKey: 'p' }));
    s.add(line('b1', { jobId: 'b', replaceKey: 'p' }));
    s.add(line('a2', { jobId: 'a', replaceKey: 'p' }));
    expect(s.lines().map((l) => l.text)).toEqual(['a2', 'b1']);
  });

  it('starts a new line once the replaced line fell out of the ring', () => {
    const s = new LogStore({ perJob: 3 });
    s.add(line('p1', { replaceKey: 'p' }));
    s.add(line('x'));
    s.add(line('y'));
    s.add(line('z'));
    s.add(line('p2', { replaceKey: 'p' }));
    expect(s.lines('j1').map((l) => l.text)).toEqual(['y', 'z', 'p2']);
  });

  it('collapses raw carriage-return chunks even without a replaceKey', () => {
    const s = new LogStore();
    s.add(line('frame=1\rframe=2\rframe=3\r'));
    s.add(line('frame=4\r'));
    expect(s.lines('j1').map((l) => l.text)).toEqual(['frame=4']);
    expect(collapseCarriageReturns(line('a\r\nb')).text).toBe('a\nb');
  });

  it('redacts before storing', () => {
    const s = new LogStore();
    s.add(line('yt-dlp --add-header "Cookie: SID=abc123" -- https://x.test/?token=zzz999'));
    const text = s.lines()[0]?.text ?? '';
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('zzz999');
  });

  it('merges consecutive drop reports into one honest marker', () => {
    const s = new LogStore();
    s.add(line('before'));
    s.noteDropped(100, 'j1');
    s.noteDropped(250, 'j1');
    s.add(line('after'));
    s.noteDropped(5, 'j1');
    const texts = s.lines('j1').map((l) => l.text);
    expect(texts).toEqual(['before', '… 350 lines dropped under pressure', 'after', '… 5 lines dropped under pressure']);
    expect(s.droppedTotal).toBe(355);
    expect(s.lines('j1')[1]?.dropped).toBe(350);
  });

  it('forgets the oldest job beyond maxJobs', () => {
    const s = new LogStore({ maxJobs: 2 });
    for (const j of ['a', 'b', 'c']) s.add(line(j, { jobId: j }));
    expect(s.jobIds()).toEqual(['b', 'c']);
  });

  it('caches lines() until something changes, in-place updates included', () => {
    const s = new LogStore();
    s.add(line('p1', { replaceKey: 'p' }));
    const first = s.lines();
    expect(s.lines()).toBe(first);
    s.add(line('p2', { replaceKey: 'p' }));
    expect(s.version).toBeGreaterThan(1);
    expect(s.lines()[0]?.text).toBe('p2');
  });

  it('clear() empties everything', () => {
    const s = new LogStore();
    s.add(line('a'));
    s.add(line('b', { jobId: null }));
    s.clear();
    expect(s.size).toBe(0);
    expect(s.lines()).toEqual([]);
  });
});
