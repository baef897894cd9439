/** PROTOCOL.md is the contract for humans: every request, event and error code must be in it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors.js';
import { ConfigPatch, Event, PROTOCOL_VERSION, PublicConfig, REQUEST_TYPES } from '../../../shared/protocol/index.js';

const doc = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/PROTOCOL.md'), 'utf8');

describe('shared/PROTOCOL.md', () => {
  it('documents every request type', () => {
    for (const t of REQUEST_TYPES) expect(doc, t).toContain(`| \`${t}\` |`);
  });
  it('documents every event', () => {
    for (const o of Event.options) expect(doc, o.shape.event.value).toContain(`| \`${o.shape.event.value}\` |`);
  });
  it('has a row for every error code', () => {
    for (const c of ERROR_CODES) expect(doc, c).toContain(`| \`${c}\` |`);
  });
  it("states each error code's details (a third cell, '–' when there are none)", () => {
    const section = doc.slice(doc.indexOf('## Error codes'));
    for (const c of ERROR_CODES) {
      const row = section.split('\n').find((l) => l.startsWith(`| \`${c}\` |`)) ?? '';
      const cells = row.replace(/\\\|/g, '/').split('|').slice(1, -1).map((x) => x.trim());
      expect(cells, c).toHaveLength(3);
      expect(cells[2], c).not.toBe('');
    }
  });
  it('lists every config field', () => {
    const section = doc.slice(doc.indexOf('### Config fields'), doc.indexOf('### Shared models'));
    for (const k of new Set([...Object.keys(ConfigPatch.shape), ...Object.keys(PublicConfig.shape)])) expect(section, k).toContain(`| \`${k}\` |`);
  });
  it('states the current protocol version', () => {
    expect(doc).toContain(`\`PROTOCOL_VERSION\` is **${PROTOCOL_VERSION}**`);
  });
});
