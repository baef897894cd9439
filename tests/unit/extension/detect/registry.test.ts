// @vitest-environment jsdom
// Meta-test: every detector file is registered, and the merged report has the right priorities.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_DETECTORS, PAGE_DETECTORS, collectPage, countMedia } from '../../../../extension/detect/index.js';
import { DetectorName, PageReport } from '../../../../extension/detect/types.js';
import { loadFixture } from './load-fixture.js';

const detectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../extension/detect');

describe('detector registry', () => {
  it('lists every detector exactly once, and each has a file and a test', () => {
    const registered = [...PAGE_DETECTORS.map((d) => d.name), ...BACKGROUND_DETECTORS].sort();
    expect(registered).toEqual([...DetectorName.options].sort());
    const files = readdirSync(detectDir);
    const tests = readdirSync(path.dirname(fileURLToPath(import.meta.url)));
    for (const name of registered) {
      expect(files).toContain(`${name}.ts`);
      expect(tests).toContain(`${name}.test.ts`);
    }
  });

  it('merges detectors: JSON-LD/og metadata beat document.title, URLs deduplicated, report valid', () => {
    const report = collectPage(loadFixture('json-ld.html'), 'https://videos.example.com/watch/pasta');
    expect(report.meta.title).toBe('How to make pasta');
    expect(report.items.map((i) => i.via)).toEqual(['json-ld', 'json-ld', 'page-url']);
    expect(PageReport.parse(report)).toEqual(report);
    expect(countMedia(report.items)).toBe(2);
  });

  it('counts no media on a plain page (the page URL alone is not media)', () => {
    const report = collectPage(loadFixture('empty.html'), 'https://example.com/');
    expect(report.meta).toEqual({ title: 'Just text' });
    expect(countMedia(report.items)).toBe(0);
  });
});
