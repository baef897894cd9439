import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../../../shared/protocol/index.js';
import { handlers } from '../../../../native-host/handlers/index.js';

describe('handler map', () => {
  it('has a handler for every Request type', () => {
    for (const type of REQUEST_TYPES) expect(typeof handlers[type], type).toBe('function');
  });

  it('has no handler for a type the protocol does not define', () => {
    expect(Object.keys(handlers).sort()).toEqual([...REQUEST_TYPES].sort());
  });

  it('has one file per request type (every one is wired: there is no placeholder left)', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../native-host/handlers');
    const files = new Set(readdirSync(dir).map((f) => f.replace(/\.ts$/, '')));
    for (const type of REQUEST_TYPES) {
      expect(files.has(type.replace('.', '-')) || files.has(type.split('.')[0] as string), `handlers/${type.replace('.', '-')}.ts`).toBe(true);
    }
  });
});
